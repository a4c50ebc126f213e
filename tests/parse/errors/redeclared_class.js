// expect error: 3:1: SyntaxError: Identifier 'A' has already been declared
class A {}
class A {}
