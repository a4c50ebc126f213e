// expect error: 2:3: SyntaxError: missing ) after argument list
f(1 2)
