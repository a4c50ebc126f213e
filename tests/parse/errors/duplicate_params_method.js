// expect error: 2:12: SyntaxError: Duplicate parameter name not allowed in this context
x = { m(a, a) {} }
