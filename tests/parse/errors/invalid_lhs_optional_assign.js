// expect error: 2:1: SyntaxError: Invalid left-hand side in assignment
a?.b = 1
