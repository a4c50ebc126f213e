// expect error: 2:1: SyntaxError: Function statements require a function name
function () {}
