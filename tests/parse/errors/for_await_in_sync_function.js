// expect error: 3:7: SyntaxError: Unexpected reserved word
function f() {
  for await (const x of y) {}
}
