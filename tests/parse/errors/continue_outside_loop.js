// expect error: 3:3: SyntaxError: Illegal continue statement: no surrounding iteration statement
if (x) {
  continue
}
