// expect error: 4:14: SyntaxError: Illegal continue statement: 'a' does not denote an iteration statement
a: {
  for (;;) {
    continue a
  }
}
