// expect error: 3:10: SyntaxError: Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence
async function f() {
  return await x ** 2
}
