// expect error: 2:9: SyntaxError: Unexpected string
x = 'a' 'b'
