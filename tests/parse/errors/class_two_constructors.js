// expect error: 4:3: SyntaxError: A class may only have one constructor
class A {
  constructor() {}
  constructor() {}
}
