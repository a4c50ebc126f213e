// expect error: 3:15: SyntaxError: Duplicate parameter name not allowed in this context
'use strict'
function f(a, a) {}
