// expect error: 2:6: SyntaxError: Invalid Unicode escape sequence
x = `\unicode`
