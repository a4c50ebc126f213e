// expect error: 2:11: SyntaxError: In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.
while (x) function f() {}
