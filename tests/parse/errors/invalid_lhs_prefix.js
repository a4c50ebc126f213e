// expect error: 2:3: SyntaxError: Invalid left-hand side expression in prefix operation
++a++
