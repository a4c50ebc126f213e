// expect error: 4:5: SyntaxError: Illegal return statement
class A {
  static {
    return
  }
}
