// expect error: 3:5: SyntaxError: Octal escape sequences are not allowed in strict mode.
function f() {
  '\01'
  'use strict'
}
