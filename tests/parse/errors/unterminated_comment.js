// expect error: 3:1: SyntaxError: Invalid or unexpected token
x = 1
/* never closed
