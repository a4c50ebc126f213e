// expect error: 2:1: SyntaxError: Keyword must not contain escaped characters
v\u0061r x = 1
