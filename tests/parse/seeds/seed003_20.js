Promise.resolve()
