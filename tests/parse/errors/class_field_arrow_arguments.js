// expect error: 3:13: SyntaxError: 'arguments' is not allowed in class field initializer or static initialization block
class A {
  x = () => arguments
}
