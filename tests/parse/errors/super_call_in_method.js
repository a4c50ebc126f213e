// expect error: 3:9: SyntaxError: 'super' keyword unexpected here
class A extends B {
  m() { super() }
}
