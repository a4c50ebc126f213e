// expect error: 2:6: SyntaxError: Invalid hexadecimal escape sequence
x = '\x4g'
