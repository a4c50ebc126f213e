// expect error: 4:11: SyntaxError: Undefined label 'outer'
outer: for (;;) {
  (function () {
    break outer
  })()
}
