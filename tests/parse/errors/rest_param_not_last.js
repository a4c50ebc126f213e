// expect error: 2:16: SyntaxError: Rest parameter must be last formal parameter
function f(...a, b) {}
