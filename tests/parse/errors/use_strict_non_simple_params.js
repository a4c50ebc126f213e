// expect error: 3:3: SyntaxError: Illegal 'use strict' directive in function with non-simple parameter list
function f(a = 1) {
  'use strict'
}
