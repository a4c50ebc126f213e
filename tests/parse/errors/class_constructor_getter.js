// expect error: 3:7: SyntaxError: Class constructor may not be an accessor
class A {
  get constructor() {}
}
