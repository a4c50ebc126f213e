// An invalid flag in a literal is an early error too.
let x = 1
x = /a/gg
// expect error: 3:5: SyntaxError: Invalid regular expression flags
