// The call-shaped head of an async arrow cannot give its rest parameter a default.
console.log('never printed')
const f = async (...x = []) => x
// expect error: 3:25: SyntaxError: Rest parameter may not have a default initializer
