Promise.resolve().then(() => {
    async2().then(resolve)
})
