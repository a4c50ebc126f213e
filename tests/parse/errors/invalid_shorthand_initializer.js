// expect error: 2:7: SyntaxError: Invalid shorthand property initializer
x = { a = 1 }
