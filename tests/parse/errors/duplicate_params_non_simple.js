// expect error: 2:15: SyntaxError: Duplicate parameter name not allowed in this context
function f(a, a, [b]) {}
