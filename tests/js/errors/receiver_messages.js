// V8's receiver descriptions in TypeError messages: #<A> for class instances, the value
// for primitives (vm_describe_value), and each built-in's own wording.
class A {}
const a = new A()
const t = (f) => { try { f() } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
const g = (function* () {})()
t(() => g.next.call(a)); t(() => g.return.call(1)); t(() => g.throw.call('s'))
t(() => [][Symbol.iterator]().next.call(a)); t(() => [][Symbol.iterator]().next.call(undefined))
t(() => ''[Symbol.iterator]().next.call(a)); t(() => ''[Symbol.iterator]().next.call(null))
t(() => Function.prototype.toString.call(a)); t(() => Function.prototype.toString.call(1))
t(() => Function.prototype.bind.call('x'))
t(() => [].map.call([1], a)); t(() => [1].forEach(Object.create(null)))
t(() => Map.prototype.get.call(a))
t(() => WeakMap.prototype.set.call(a, {}, 1))
t(() => Set.prototype.has.call(a))
t(() => Promise.prototype.then.call(a))
t(() => Date.prototype.getTime.call(a))
t(() => Number.prototype.toFixed.call(a))
t(() => Symbol.prototype.toString.call(a))
t(() => Boolean.prototype.valueOf.call(a))
t(() => String.prototype.valueOf.call(a))
t(() => new Map().entries().next.call(a))
t(() => `${Object.create(null)}`)
t(() => a + { valueOf() { return {} }, toString() { return {} } })
t(() => Object.create(A.prototype) + 1)
t(() => String(Object.create(null)))
t(() => [Object.create(null)].join())
t(() => new (a)())
t(() => 1 instanceof a)
t(() => 'x' in 1)
t(() => Object.defineProperty(1, 'x', {}))
t(() => a.m.call(1) && a.nope())
t(() => Array.prototype.map.call(a, 3))
t(() => new Set([1]).forEach(a))
t(() => JSON.parse(a))
t(() => Symbol.keyFor(a))
t(() => Object.fromEntries([a]))
t(() => Object.setPrototypeOf(a, 1))
// expect: TypeError: Method [Generator].prototype.next called on incompatible receiver #<A>
// expect: TypeError: Method [Generator].prototype.return called on incompatible receiver 1
// expect: TypeError: Method [Generator].prototype.throw called on incompatible receiver s
// expect: TypeError: Method Array Iterator.prototype.next called on incompatible receiver #<A>
// expect: TypeError: Method Array Iterator.prototype.next called on incompatible receiver undefined
// expect: TypeError: Method String Iterator.prototype.next called on incompatible receiver #<A>
// expect: TypeError: Method String Iterator.prototype.next called on incompatible receiver null
// expect: TypeError: Function.prototype.toString requires that 'this' be a Function
// expect: TypeError: Function.prototype.toString requires that 'this' be a Function
// expect: TypeError: Bind must be called on a function
// expect: TypeError: #<A> is not a function
// expect: TypeError: [object Object] is not a function
// expect: TypeError: Method Map.prototype.get called on incompatible receiver #<A>
// expect: TypeError: Method WeakMap.prototype.set called on incompatible receiver #<A>
// expect: TypeError: Method Set.prototype.has called on incompatible receiver #<A>
// expect: TypeError: Method Promise.prototype.then called on incompatible receiver #<A>
// expect: TypeError: this is not a Date object.
// expect: TypeError: Number.prototype.toFixed requires that 'this' be a Number
// expect: TypeError: Symbol.prototype.toString requires that 'this' be a Symbol
// expect: TypeError: Boolean.prototype.valueOf requires that 'this' be a Boolean
// expect: TypeError: String.prototype.valueOf requires that 'this' be a String
// expect: TypeError: Method Map Iterator.prototype.next called on incompatible receiver #<A>
// expect: TypeError: Cannot convert object to primitive value
// expect: TypeError: Cannot convert object to primitive value
// expect: TypeError: Cannot convert object to primitive value
// expect: TypeError: Cannot convert object to primitive value
// expect: TypeError: a is not a constructor
// expect: TypeError: Right-hand side of 'instanceof' is not callable
// expect: TypeError: Cannot use 'in' operator to search for 'x' in 1
// expect: TypeError: Object.defineProperty called on non-object
// expect: TypeError: Cannot read properties of undefined (reading 'call')
// expect: TypeError: 3 is not a function
// expect: TypeError: object is not a function
// expect: SyntaxError: "[object Object]" is not valid JSON
// expect: TypeError: #<A> is not a symbol
// expect: TypeError: Object prototype may only be an Object or null: 1
