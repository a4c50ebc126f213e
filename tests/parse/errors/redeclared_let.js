// expect error: 3:5: SyntaxError: Identifier 'a' has already been declared
let a
let a = 2
