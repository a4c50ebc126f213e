// expect error: 3:7: SyntaxError: Identifier 'i' has already been declared
for (let i of [1]) {
  var i
}
