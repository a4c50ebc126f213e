// expect error: 2:8: SyntaxError: Async functions can only be declared at the top level or inside a block.
if (x) async function f() {}
