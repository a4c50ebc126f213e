// expect error: 2:24: SyntaxError: Duplicate __proto__ fields are not allowed in object literals
x = { __proto__: null, '__proto__': null }
