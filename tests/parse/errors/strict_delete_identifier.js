// expect error: 4:8: SyntaxError: Delete of an unqualified identifier in strict mode.
'use strict'
var x
delete x
