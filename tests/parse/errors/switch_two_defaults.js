// expect error: 4:3: SyntaxError: More than one default clause in switch statement
switch (x) {
  default:
  default:
}
