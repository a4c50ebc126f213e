// expect error: 3:1: SyntaxError: Unexpected end of input
x = `abc ${y}
