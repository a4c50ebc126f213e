// expect error: 3:6: SyntaxError: \8 and \9 are not allowed in strict mode.
'use strict'
x = '\8'
