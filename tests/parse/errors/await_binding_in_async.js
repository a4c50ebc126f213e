// expect error: 3:7: SyntaxError: Unexpected reserved word
async function f() {
  var await = 1
}
