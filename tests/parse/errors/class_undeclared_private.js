// expect error: 3:20: SyntaxError: Private field '#b' must be declared in an enclosing class
class A {
  m() { return this.#b }
}
