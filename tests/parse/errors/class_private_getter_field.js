// expect error: 4:3: SyntaxError: Identifier '#a' has already been declared
class A {
  get #a() {}
  #a
}
