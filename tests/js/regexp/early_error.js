// A regular expression literal whose pattern has an early error does not compile: V8's
// message and the literal's position, like other syntax errors (#sec-patterns-static-
// semantics-early-errors).
console.log('never printed')
const ok = /[(]/
const bad = /(a|b/u
// expect error: 6:13: SyntaxError: Invalid regular expression: /(a|b/u: Unterminated group
