// A rest element of a binding pattern has no initializer.
console.log('never printed')
const f = ([...x = []]) => x
// expect error: 3:13: SyntaxError: Invalid destructuring assignment target
