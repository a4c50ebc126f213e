// A syntax error stops before running anything.
console.log('never printed')
let x = (1 +
// expect error: 5:1: SyntaxError: Unexpected end of input
