// expect error: 2:2: SyntaxError: Invalid destructuring assignment target
[({a})] = [1]
