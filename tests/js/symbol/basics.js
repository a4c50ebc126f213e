// Symbol(): identity, description, toString, conversions and their TypeErrors.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
const a = Symbol('a'), a2 = Symbol('a')
console.log(typeof a, a === a2, a.toString(), a.description, Symbol().description, Symbol().toString())
// expect: symbol false Symbol(a) a undefined Symbol()
console.log(Symbol(undefined).description, Symbol(null).description, Symbol(1).description, Symbol('').toString())
// expect: undefined null 1 Symbol()
console.log(Symbol({ toString() { return 'ts' } }).toString(), String(a), Object(a) == a, Object(a) === a)
// expect: Symbol(ts) Symbol(a) true false
console.log(t(() => new Symbol())) // expect: TypeError: Symbol is not a constructor
console.log(t(() => a + '')) // expect: TypeError: Cannot convert a Symbol value to a string
console.log(t(() => `${a}`)) // expect: TypeError: Cannot convert a Symbol value to a string
console.log(t(() => a + 1)) // expect: TypeError: Cannot convert a Symbol value to a number
console.log(t(() => +a)) // expect: TypeError: Cannot convert a Symbol value to a number
console.log(t(() => Symbol(Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a string
const o = { [a]: 1, x: 2 }
console.log(Object.keys(o).join(), o[a], a in o, JSON.stringify(o), Object.getOwnPropertySymbols(o).length)
// expect: x 1 true {"x":2} 1
const w = Object(a)
console.log(typeof w, w.description, w.toString(), w.valueOf() === a, Object.prototype.toString.call(w))
// expect: object a Symbol(a) true [object Symbol]
console.log(Symbol.prototype[Symbol.toStringTag], Object.prototype.toString.call(a))
// expect: Symbol [object Symbol]
console.log(t(() => Symbol.prototype.toString.call(1)))
// expect: TypeError: Symbol.prototype.toString requires that 'this' be a Symbol
console.log(t(() => Symbol.prototype.valueOf.call('x')))
// expect: TypeError: Symbol.prototype.valueOf requires that 'this' be a Symbol
console.log(t(() => Symbol.prototype.description))
// expect: TypeError: Symbol.prototype.description requires that 'this' be a Symbol
console.log(t(() => Object.getOwnPropertyDescriptor(Symbol.prototype, 'description').get.call({})))
// expect: TypeError: Symbol.prototype.description requires that 'this' be a Symbol
const tp = Symbol.prototype[Symbol.toPrimitive]
console.log(tp.name, tp.length, tp.call(w) === a, tp.call(a, 'number') === a)
// expect: [Symbol.toPrimitive] 1 true true
console.log(t(() => tp.call(1)))
// expect: TypeError: Symbol.prototype [ @@toPrimitive ] requires that 'this' be a Symbol
const d = Object.getOwnPropertyDescriptor(Symbol.prototype, Symbol.toPrimitive)
console.log(d.writable, d.enumerable, d.configurable, Symbol.length, Symbol.name)
// expect: false false true 0 Symbol
console.log(Object.getOwnPropertyNames(Symbol.prototype).sort().join())
// expect: constructor,description,toString,valueOf
console.log(Object.getOwnPropertySymbols(Symbol.prototype).map(String).sort().join())
// expect: Symbol(Symbol.toPrimitive),Symbol(Symbol.toStringTag)
