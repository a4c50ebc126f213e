// expect error: 3:10: SyntaxError: 'super' keyword unexpected here
function f() {
  return super.x
}
