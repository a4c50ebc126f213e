// expect error: 3:3: SyntaxError: Label 'a' has already been declared
a: {
  a: ;
}
