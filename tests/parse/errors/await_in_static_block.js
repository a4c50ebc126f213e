// expect error: 4:9: SyntaxError: Unexpected reserved word
class A {
  static {
    var await
  }
}
