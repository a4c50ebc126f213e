// expect error: 2:9: SyntaxError: Missing } in template expression
x = `a${b c}`
