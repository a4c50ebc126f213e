// expect error: 3:10: SyntaxError: for-in loop variable declaration may not have an initializer.
'use strict'
for (var x = 1 in y) {}
