// expect error: 2:6: SyntaxError: Numeric separator can not be used after leading 0.
x = 0_1
