// expect error: 2:5: SyntaxError: Unexpected reserved word
var await = 1
