// expect error: 2:12: SyntaxError: Unexpected eval or arguments in strict mode
function f(eval) {
  'use strict'
}
