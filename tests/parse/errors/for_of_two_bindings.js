// expect error: 2:10: SyntaxError: Invalid left-hand side in for-of loop: Must have a single binding.
for (var i, j of x) {}
