// Objects: { a: 1 }, {}, keys quoted unless identifiers, symbol keys, accessors,
// hidden (non-enumerable) keys skipped, depth 2 then [Object].
console.log({}, { a: 1, b: 'x' }, { nested: { deeper: { deepest: {} } } })
// expect: {} { a: 1, b: 'x' } { nested: { deeper: { deepest: {} } } }
console.log({ 'a-b': 1, $x: 2, _y: 3, z9: 4, '9z': 5, '': 6, ' ': 7, 'é': 8, 'a\nb': 9 })
// expect: {
// expect:   'a-b': 1,
// expect:   '$x': 2,
// expect:   _y: 3,
// expect:   z9: 4,
// expect:   '9z': 5,
// expect:   '': 6,
// expect:   ' ': 7,
// expect:   'é': 8,
// expect:   'a\nb': 9
// expect: }
console.log({ 2: 'two', 1: 'one', b: 'b', a: 'a', '-1': 'neg', 1.5: 'frac' })
// expect: { '1': 'one', '2': 'two', b: 'b', a: 'a', '-1': 'neg', '1.5': 'frac' }
console.log({ [Symbol('k')]: 1, [Symbol()]: 2, [Symbol("it's")]: 3, plain: 4 })
// expect: { plain: 4, [Symbol(k)]: 1, [Symbol()]: 2, [Symbol(it\'s)]: 3 }
console.log({ ['__proto__']: 5 }, { __proto__: { inherited: 1 }, own: 2 })
// expect: { ['__proto__']: 5 } { own: 2 }
console.log({ get g() { return 1 }, set s(v) {}, get gs() { return 1 }, set gs(v) {} })
// expect: { g: [Getter], s: [Setter], gs: [Getter/Setter] }
const hidden = { visible: 1 }; Object.defineProperty(hidden, 'secret', { value: 2 })
console.log(hidden)
// expect: { visible: 1 }
console.log({ a: { b: { c: { d: { e: 1 } } } } })
// expect: { a: { b: { c: [Object] } } }
console.log({ a: { b: { c: [] } } }, { a: { b: { c: [1] } } }, { a: { b: { c: {} } } })
// expect: { a: { b: { c: [] } } } { a: { b: { c: [Array] } } } { a: { b: { c: {} } } }
console.log({ a: { b: { c: function f() {} } } }, { a: { b: { c: new Map() } } })
// expect: { a: { b: { c: [Function: f] } } } { a: { b: { c: Map(0) {} } } }
console.log({ undef: undefined, nul: null, fn() {}, arrow: () => {} })
// expect: {
// expect:   undef: undefined,
// expect:   nul: null,
// expect:   fn: [Function: fn],
// expect:   arrow: [Function: arrow]
// expect: }
console.log(Object.create(null), Object.assign(Object.create(null), { a: 1 }))
// expect: [Object: null prototype] {} [Object: null prototype] { a: 1 }
console.log(Object.freeze({ frozen: true }), Object.seal([1]))
// expect: { frozen: true } [ 1 ]
console.log(Math, JSON)
// expect: Object [Math] {} Object [JSON] {}
