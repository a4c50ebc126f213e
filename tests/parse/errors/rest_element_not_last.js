// expect error: 2:2: SyntaxError: Rest element must be last element
[...a, b] = c
