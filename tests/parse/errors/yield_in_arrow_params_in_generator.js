// expect error: 3:8: SyntaxError: Yield expression not allowed in formal parameter
function* g() {
  (a = yield) => 1
}
