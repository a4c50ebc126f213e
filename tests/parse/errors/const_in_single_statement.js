// expect error: 2:11: SyntaxError: Unexpected token 'const'
while (x) const y = 1
