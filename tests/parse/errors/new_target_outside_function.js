// expect error: 2:5: SyntaxError: new.target expression is not allowed here
new.target
