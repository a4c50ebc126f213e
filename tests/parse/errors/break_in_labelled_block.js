// expect error: 3:3: SyntaxError: Illegal break statement
l: {
  break
}
