// expect error: 2:12: SyntaxError: Getter must not have any formal parameters.
x = { get a(x) {} }
