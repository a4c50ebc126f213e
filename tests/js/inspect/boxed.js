// Boxed primitives: [Number: 3], [String: 'x'], [Boolean: false], [Symbol: Symbol(s)].
console.log(new Number(3), new Number(-0), new String('ab'), new Boolean(false), Object(Symbol('s')))
// expect: [Number: 3] [Number: -0] [String: 'ab'] [Boolean: false] [Symbol: Symbol(s)]
console.log([new Number(1)], { s: new String("it's") })
// expect: [ [Number: 1] ] { s: [String: "it's"] }
const withProp = new String('xy'); withProp.extra = 1
console.log(withProp)
// expect: [String: 'xy'] { extra: 1 }
class MyNumber extends Number {}
console.log(new MyNumber(5))
// expect: [Number (MyNumber): 5]
console.log(Object.setPrototypeOf(new Number(7), null))
// expect: [Number (null prototype): 7]
