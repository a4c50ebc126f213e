// expect error: 2:5: SyntaxError: let is disallowed as a lexically bound name
let let = 1
