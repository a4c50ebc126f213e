// expect error: 4:7: SyntaxError: Identifier 'x' has already been declared
let x
{
  var x
}
