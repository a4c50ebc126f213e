// expect error: 3:7: SyntaxError: Identifier 'e' has already been declared
try {} catch ([e]) {
  var e
}
