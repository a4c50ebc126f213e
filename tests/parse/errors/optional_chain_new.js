// expect error: 2:6: SyntaxError: Invalid optional chain from new expression
new a?.b()
