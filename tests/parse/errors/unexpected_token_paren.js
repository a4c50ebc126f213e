// expect error: 2:17: SyntaxError: Unexpected token ')'
console.log('a'))
