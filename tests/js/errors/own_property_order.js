// V8 defines an error's own properties in the order stack, message, cause, errors.
console.log(Object.getOwnPropertyNames(new Error('x')), Object.getOwnPropertyNames(new TypeError('y')))
console.log(Object.getOwnPropertyNames(new Error()), Object.getOwnPropertyNames(new Error('m', { cause: 1 })))
console.log(Object.getOwnPropertyNames(new AggregateError([1], 'agg')))
class E extends Error { constructor(m) { super(m); this.name = 'E'; this.extra = 1 } }
const e = new E('boom')
console.log(Object.getOwnPropertyNames(e), e.stack.split('\n')[0])
try { null.x } catch (err) { console.log(Object.getOwnPropertyNames(err)) }
console.log(Object.keys(new Error('x')), JSON.stringify(new Error('x')))
console.log(Object.getOwnPropertyDescriptor(new Error('x'), 'stack').enumerable)
// expect: [ 'stack', 'message' ] [ 'stack', 'message' ]
// expect: [ 'stack' ] [ 'stack', 'message', 'cause' ]
// expect: [ 'stack', 'message', 'errors' ]
// expect: [ 'stack', 'message', 'name', 'extra' ] E: boom
// expect: [ 'stack', 'message' ]
// expect: [] {}
// expect: false
