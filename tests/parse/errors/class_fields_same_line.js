// expect error: 3:9: SyntaxError: Unexpected identifier 'y'
class A {
  x = 1 y = 2
}
