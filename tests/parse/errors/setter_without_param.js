// expect error: 2:12: SyntaxError: Setter must have exactly one formal parameter.
x = { set a() {} }
