// expect error: 2:21: SyntaxError: Identifier 's' has already been declared
let s = 'é中😀'; let s
