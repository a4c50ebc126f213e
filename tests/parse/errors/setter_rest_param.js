// expect error: 2:12: SyntaxError: Setter function argument must not be a rest parameter
x = { set a(...v) {} }
