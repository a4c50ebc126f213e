// expect error: 2:9: SyntaxError: `...` must be followed by an identifier in declaration contexts
let {...{a}} = x
