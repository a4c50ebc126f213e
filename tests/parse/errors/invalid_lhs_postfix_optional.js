// expect error: 2:1: SyntaxError: Invalid left-hand side expression in postfix operation
a?.b++
