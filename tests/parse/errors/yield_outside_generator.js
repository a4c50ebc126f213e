// expect error: 3:9: SyntaxError: Unexpected number
function f() {
  yield 1
}
