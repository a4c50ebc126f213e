// expect error: 2:13: SyntaxError: missing ) after argument list
console.log('a'
foo()
