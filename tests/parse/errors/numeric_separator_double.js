// expect error: 2:7: SyntaxError: Only one underscore is allowed as numeric separator
x = 1__000
