// expect error: 3:9: SyntaxError: Class constructor may not be an async method
class A {
  async constructor() {}
}
