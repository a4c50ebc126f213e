// Symbol.for / Symbol.keyFor and the well-known symbols.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
const f1 = Symbol.for('app'), f2 = Symbol.for('app')
console.log(f1 === f2, f1 === Symbol('app'), Symbol.keyFor(f1), Symbol.keyFor(Symbol('app')), f1.description)
// expect: true false app undefined app
console.log(Symbol.for().toString(), Symbol.for(undefined) === Symbol.for('undefined'), Symbol.keyFor(Symbol.for(1)))
// expect: Symbol(undefined) true 1
console.log(Symbol.keyFor(Symbol.iterator), Symbol.for('x') !== Symbol.for('y'))
// expect: undefined true
console.log(t(() => Symbol.keyFor('app'))) // expect: TypeError: app is not a symbol
console.log(t(() => Symbol.keyFor(1))) // expect: TypeError: 1 is not a symbol
console.log(t(() => Symbol.keyFor({}))) // expect: TypeError: #<Object> is not a symbol
const names = ['asyncIterator', 'hasInstance', 'isConcatSpreadable', 'iterator', 'match', 'matchAll', 'replace',
  'search', 'species', 'split', 'toPrimitive', 'toStringTag', 'unscopables']
console.log(names.map((n) => typeof Symbol[n] === 'symbol' && Symbol[n].description === 'Symbol.' + n).every(Boolean))
// expect: true
console.log(names.map((n) => Symbol[n].toString()).join(' '))
// expect: Symbol(Symbol.asyncIterator) Symbol(Symbol.hasInstance) Symbol(Symbol.isConcatSpreadable) Symbol(Symbol.iterator) Symbol(Symbol.match) Symbol(Symbol.matchAll) Symbol(Symbol.replace) Symbol(Symbol.search) Symbol(Symbol.species) Symbol(Symbol.split) Symbol(Symbol.toPrimitive) Symbol(Symbol.toStringTag) Symbol(Symbol.unscopables)
const d = Object.getOwnPropertyDescriptor(Symbol, 'iterator')
console.log(d.writable, d.enumerable, d.configurable) // expect: false false false
console.log(typeof Symbol.dispose, Symbol.dispose.description, Symbol.asyncDispose.description)
// expect: symbol nodejs.dispose nodejs.asyncDispose
// the well-known symbols drive the language
const it = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i, done: i++ >= 3 }) } } }
console.log([...it].join()) // expect: 0,1,2
class Even { static [Symbol.hasInstance](n) { return n % 2 === 0 } }
console.log(4 instanceof Even, 3 instanceof Even) // expect: true false
const tagged = { [Symbol.toStringTag]: 'Tagged' }
console.log(Object.prototype.toString.call(tagged), String(tagged))
// expect: [object Tagged] [object Tagged]
const prim = { [Symbol.toPrimitive](hint) { return hint === 'number' ? 42 : 'str:' + hint } }
console.log(+prim, `${prim}`, prim + '') // expect: 42 str:string str:default
