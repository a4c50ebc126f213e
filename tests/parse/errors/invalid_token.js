// expect error: 2:7: SyntaxError: Invalid or unexpected token
x = 1 @ 2
