// expect error: 3:5: SyntaxError: Identifier 'x' has already been declared
var x = 1
let x = 2
