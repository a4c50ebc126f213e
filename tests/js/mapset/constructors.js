// The constructors: new is required, iterables, adders called as the spec says,
// iterator closing on errors, subclassing, @@species and the shape of the prototypes.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(t(() => Map())) // expect: TypeError: Constructor Map requires 'new'
console.log(t(() => Set([]))) // expect: TypeError: Constructor Set requires 'new'
console.log(t(() => WeakMap())) // expect: TypeError: Constructor WeakMap requires 'new'
console.log(t(() => WeakSet())) // expect: TypeError: Constructor WeakSet requires 'new'
console.log(new Map(null).size, new Map(undefined).size, new Set().size, new Set('abca').size)
// expect: 0 0 0 3
console.log(new Map([[1, 2], [1, 3]]).get(1), new Map([['a']]).get('a'), new Map([[]]).has(undefined))
// expect: 3 undefined true
console.log(t(() => new Map([1]))) // expect: TypeError: Iterator value 1 is not an entry object
console.log(t(() => new Map(['ab']))) // expect: TypeError: Iterator value ab is not an entry object
console.log(t(() => new Map([null])))
// expect: TypeError: Iterator value null is not an entry object
console.log(t(() => new Map([Symbol()])))
// expect: TypeError: Iterator value Symbol() is not an entry object
console.log(t(() => new Map(5)))
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
console.log(t(() => new Set(true)))
// expect: TypeError: boolean true is not iterable (cannot read property Symbol(Symbol.iterator))
console.log(t(() => new Set({})))
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
console.log(t(() => new WeakSet(Symbol())))
// expect: TypeError: symbol is not iterable (cannot read property Symbol(Symbol.iterator))
console.log(t(() => new Set({ [Symbol.iterator]: 5 })))
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
console.log(t(() => new Set({ [Symbol.iterator]() { return 5 } })))
// expect: TypeError: Result of the Symbol.iterator method is not an object
console.log(t(() => new Set({ [Symbol.iterator]() { return { next() { return 5 } } } })))
// expect: TypeError: Iterator result 5 is not an object
console.log(t(() => new Set({ [Symbol.iterator]() { return {} } })))
// expect: TypeError: undefined is not a function
console.log(t(() => new Set({ [Symbol.iterator]() { return { next: 5 } } })))
// expect: TypeError: number 5 is not a function
let closed = 0
const endless = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { closed++; return {} } } } }
console.log(t(() => new Map(endless)), closed)
// expect: TypeError: Iterator value 1 is not an entry object 1
const throwsOnReturn = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { throw new Error('ignored') } } } }
console.log(t(() => new Map(throwsOnReturn)))
// expect: TypeError: Iterator value 1 is not an entry object
class LoudMap extends Map { set(k, v) { console.log('set', k, v); return super.set(k, v * 10) } }
// expect: set 1 2
// expect: set 3 4
const lm = new LoudMap([[1, 2], [3, 4]])
console.log(lm.get(3), lm instanceof Map, lm instanceof LoudMap, lm.size) // expect: 40 true true 2
class BadAdd extends Set { add() { throw new Error('adder threw') } }
const closeLog = []
const pair = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { closeLog.push('closed'); return {} } } } }
console.log(t(() => new BadAdd(pair)), closeLog.join()) // expect: Error: adder threw closed
const old = Set.prototype.add
Set.prototype.add = 5
console.log(t(() => new Set([1])), new Set().size, new Set(null).size)
// expect: TypeError: '5' returned for property 'add' of object '#<Set>' is not a function 0 0
Set.prototype.add = old
const oldSet = Map.prototype.set
Map.prototype.set = 'x'
console.log(t(() => new Map([[1, 2]])))
// expect: TypeError: 'x' returned for property 'set' of object '#<Map>' is not a function
Map.prototype.set = oldSet
const entryGets = []
const entry = {}
Object.defineProperty(entry, '0', { get: () => { entryGets.push('0'); return 'k' } })
Object.defineProperty(entry, '1', { get: () => { entryGets.push('1'); return 'v' } })
console.log(new Map([entry]).get('k'), entryGets.join()) // expect: v 0,1
console.log(Map[Symbol.species] === Map, Set[Symbol.species] === Set, Object.getOwnPropertyDescriptor(Map, Symbol.species).get.name)
// expect: true true get [Symbol.species]
console.log(Map.length, Set.length, WeakMap.length, WeakSet.length, Map.name, WeakSet.name)
// expect: 0 0 0 0 Map WeakSet
console.log(Object.getOwnPropertyNames(Map.prototype).join())
// expect: constructor,get,set,has,delete,clear,entries,forEach,keys,size,values
console.log(Object.getOwnPropertyNames(Set.prototype).join())
// expect: constructor,has,add,delete,clear,entries,forEach,size,values,keys
console.log(Object.getOwnPropertyNames(WeakMap.prototype).join(), Object.getOwnPropertyNames(WeakSet.prototype).join())
// expect: constructor,delete,get,set,has constructor,delete,has,add
console.log(Map.prototype[Symbol.iterator] === Map.prototype.entries, Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values)
// expect: true true true
console.log(Map.prototype[Symbol.toStringTag], Object.prototype.toString.call(new Set()), String(new WeakMap()), String(new WeakSet()))
// expect: Map [object Set] [object WeakMap] [object WeakSet]
const sz = Object.getOwnPropertyDescriptor(Map.prototype, 'size')
console.log(typeof sz.get, sz.set, sz.enumerable, sz.configurable, sz.get.name, Map.prototype.forEach.length, Map.prototype.set.length)
// expect: function undefined false true get size 1 2
