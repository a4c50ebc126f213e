// expect error: 2:20: SyntaxError: Cannot use 'import.meta' outside a module
console.log(import.meta.url)
