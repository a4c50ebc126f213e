// expect error: 2:31: SyntaxError: 'super' keyword unexpected here
x = { m: function () { return super.x } }
