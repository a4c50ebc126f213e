// expect error: 2:12: SyntaxError: Generators can only be declared at the top level or inside a block.
l: function* g() {}
