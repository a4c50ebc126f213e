// expect error: 3:1: SyntaxError: Identifier 'f' has already been declared
let f
function f() {}
