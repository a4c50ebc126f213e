// expect error: 2:17: SyntaxError: Yield expression not allowed in formal parameter
function* g(x = yield) {}
