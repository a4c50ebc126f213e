// expect error: 3:5: SyntaxError: Identifier 'x' has already been declared
let x = 1
var x = 2
