// expect error: 2:14: SyntaxError: Identifier 'a' has already been declared
const a = 1, a = 2
