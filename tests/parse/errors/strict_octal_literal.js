// expect error: 3:5: SyntaxError: Octal literals are not allowed in strict mode.
'use strict'
x = 010
