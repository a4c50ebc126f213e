// expect error: 4:21: SyntaxError: Private fields can not be deleted
class A {
  #a
  m() { delete this.#a }
}
