// expect error: 4:1: SyntaxError: Unexpected end of input
function f() {
  return 1
