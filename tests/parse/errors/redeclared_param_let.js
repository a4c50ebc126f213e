// expect error: 3:7: SyntaxError: Identifier 'a' has already been declared
function f(a) {
  let a
}
