// expect error: 3:7: SyntaxError: Unexpected identifier 'yield'
function* g() {
  var yield = 1
}
