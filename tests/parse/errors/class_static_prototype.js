// expect error: 3:10: SyntaxError: Classes may not have a static property named 'prototype'
class A {
  static prototype() {}
}
