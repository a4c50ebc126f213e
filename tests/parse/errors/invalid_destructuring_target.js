// expect error: 2:5: SyntaxError: Invalid destructuring assignment target
[a, b + 1] = [1, 2]
