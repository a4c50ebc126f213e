// Class instances as `A { x: 1 }`, Symbol.toStringTag as `A [Tag]`, unusual prototypes.
class P { constructor() { this.a = 1 } }
class Q extends P { constructor() { super(); this.b = [1] } }
console.log(new P(), new Q(), [new Q()], { q: new Q() })
// expect: P { a: 1 } Q { a: 1, b: [ 1 ] } [ Q { a: 1, b: [ 1 ] } ] { q: Q { a: 1, b: [ 1 ] } }
class Empty {}
console.log(new Empty(), [new Empty()])
// expect: Empty {} [ Empty {} ]
class Tagged { get [Symbol.toStringTag]() { return 'Tag' } }
console.log(new Tagged(), [new Tagged()])
// expect: Tagged [Tag] {} [ Tagged [Tag] {} ]
class SameTag { get [Symbol.toStringTag]() { return 'SameTag' } }
console.log(new SameTag())
// expect: SameTag {}
console.log({ [Symbol.toStringTag]: 'Own' })
// expect: { [Symbol(Symbol.toStringTag)]: 'Own' }
const hiddenTag = {}; Object.defineProperty(hiddenTag, Symbol.toStringTag, { value: 'Hidden' })
console.log(hiddenTag)
// expect: Object [Hidden] {}
const nullTag = Object.create(null); Object.defineProperty(nullTag, Symbol.toStringTag, { value: 'N' })
console.log(nullTag)
// expect: [Object: null prototype] [N] {}
console.log(Object.create(P.prototype), Object.create(Object.create(null)))
// expect: P {} Object <[Object: null prototype] {}> {}
console.log(Object.create(Object.create(Object.create(null))))
// expect: Object <Object <[Object: null prototype] {}>> {}
console.log(Object.prototype, Array.prototype, Function.prototype, P.prototype)
// expect: [Object: null prototype] {} Object(0) [] [Function (anonymous)] Object {}
class Acc { constructor() { this.v = 1 } get doubled() { return 2 } }
console.log(new Acc())
// expect: Acc { v: 1 }
const inst = new Q(); inst.self = inst
console.log(inst)
// expect: <ref *1> Q { a: 1, b: [ 1 ], self: [Circular *1] }
