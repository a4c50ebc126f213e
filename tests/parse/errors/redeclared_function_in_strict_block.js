// expect error: 5:3: SyntaxError: Identifier 'f' has already been declared
'use strict'
{
  function f() {}
  function f() {}
}
