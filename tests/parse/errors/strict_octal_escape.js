// expect error: 3:7: SyntaxError: Octal escape sequences are not allowed in strict mode.
'use strict'
x = '\01'
