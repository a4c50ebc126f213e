// expect error: 2:9: SyntaxError: Illegal property in declaration context
var {a: b.c} = d
