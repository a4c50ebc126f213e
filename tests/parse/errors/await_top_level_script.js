// expect error: 2:1: SyntaxError: await is only valid in async functions and the top level bodies of modules
await Promise.resolve(1)
