// expect error: 3:4: SyntaxError: Class constructor may not be a generator
class A {
  *constructor() {}
}
