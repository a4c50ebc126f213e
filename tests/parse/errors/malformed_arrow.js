// expect error: 2:5: SyntaxError: Malformed arrow function parameter list // deviation: node 20 points at column 7
x = a + (b) => c
