// expect error: 2:7: SyntaxError: Unexpected number
x = 1 2
