// expect error: 2:8: SyntaxError: Lexical declaration cannot appear in a single-statement context
if (x) let y = 1
