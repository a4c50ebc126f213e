// expect error: 3:1: SyntaxError: Unexpected eval or arguments in strict mode
'use strict'
eval = 1
