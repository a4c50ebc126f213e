// expect error: 2:6: SyntaxError: The left-hand side of a for-of loop may not be 'async'.
for (async of x) {}
