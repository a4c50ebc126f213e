// expect error: 2:8: SyntaxError: Unexpected token '??'
a && b ?? c
