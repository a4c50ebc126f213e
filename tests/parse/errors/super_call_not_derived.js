// expect error: 3:19: SyntaxError: 'super' keyword unexpected here
class A {
  constructor() { super() }
}
