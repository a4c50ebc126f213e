// expect error: 3:3: SyntaxError: Classes may not have a field named 'constructor'
class A {
  constructor = 1
}
