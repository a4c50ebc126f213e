// expect error: 2:10: SyntaxError: Unexpected eval or arguments in strict mode
function eval() {
  'use strict'
}
