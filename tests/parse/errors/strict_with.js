// expect error: 3:1: SyntaxError: Strict mode code may not include a with statement
'use strict'
with (a) {}
