// expect error: 3:5: SyntaxError: Unexpected strict mode reserved word
'use strict'
var implements
