// expect error: 2:6: SyntaxError: Invalid left-hand side in for-loop
for (a + b in c) {}
