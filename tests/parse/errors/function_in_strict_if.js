// expect error: 3:8: SyntaxError: In strict mode code, functions can only be declared at top level or inside a block.
'use strict'
if (x) function f() {}
