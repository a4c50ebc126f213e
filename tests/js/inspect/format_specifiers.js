// util.format: %s %d %i %f %j %o %O %c %%, then the remaining arguments.
console.log('%s', 'str', 'extra')
// expect: str extra
console.log('%s|%s|%s|%s|%s|%s', 1, -0, null, undefined, true, Symbol('q'))
// expect: 1|-0|null|undefined|true|Symbol(q)
console.log('%s', { a: { b: 1 } }, '%s', [1, [2, [3]]])
// expect: { a: [Object] } %s [ 1, [ 2, [ 3 ] ] ]
class B { toString() { return 'B!' } }
console.log('%s %s', new B(), { toString() { return 'own' } })
// expect: B! own
class C { [Symbol.toPrimitive]() { return 'prim' } }
console.log('%s', new C())
// expect: prim
console.log('%s', Object.create(null), '%s')
// expect: [Object: null prototype] {} %s
console.log('%s', [1, 2], new Map([[1, 2]]), new Set([1]))
// expect: [ 1, 2 ] Map(1) { 1 => 2 } Set(1) { 1 }
console.log('%d %d %d %d %d %d %d', '42', {}, [5], -0, 1.5, '', null)
// expect: 42 NaN 5 -0 1.5 0 0
console.log('%d', Symbol('s'), '%d', undefined)
// expect: NaN %d undefined
console.log('%i %i %i %i %i', '0x1f', 3.9, '-7.5abc', 'z', -0.5)
// expect: 31 3 -7 NaN -0
console.log('%f %f %f %f', '1.5e3x', {}, '  .5', Symbol())
// expect: 1500 NaN 0.5 NaN
console.log('%j %j %j %j', { a: [1] }, undefined, 'str', function () {})
// expect: {"a":[1]} undefined "str" undefined
const circ = {}; circ.me = circ
console.log('%j', circ)
// expect: [Circular]
console.log('%j', { toJSON() { return 'tj' } }, '%j')
// expect: "tj" %j
console.log('%o', [1, { a: 2 }])
// expect: [ 1, { a: 2 }, [length]: 2 ]
console.log('%O', { a: { b: { c: { d: 1 } } } })
// expect: { a: { b: { c: [Object] } } }
console.log('%o', { a: { b: { c: { d: { e: { f: 1 } } } } } })
// expect: {
// expect:   a: {
// expect:     b: { c: { d: { e: [Object] } } }
// expect:   }
// expect: }
console.log('%o', 'str', 42)
// expect: 'str' 42
console.log('%O', "it's")
// expect: "it's"
console.log('%c%s', 'color: red', 'x', 'extra', 7)
// expect: x extra 7
console.log('%%', 1)
// expect: % 1
console.log('%%')
// expect: %%
console.log('a%', 1)
// expect: a% 1
console.log('%x %s', 1)
// expect: %x 1
console.log('%s')
// expect: %s
console.log('%', 1)
// expect: % 1
console.log('%%s', 1)
// expect: %s 1
console.log('%s%%%s', 1, 2)
// expect: 1%2
console.log('%s:%s', 'only one')
// expect: only one:%s
console.log('x', '%s', 'y')
// expect: x %s y
console.log({}, '%s', 1)
// expect: {} %s 1
console.log('%d%d', 1, 2, 3)
// expect: 12 3
console.log('%s %d %i %f %j %o %O %c', 1, 2, 3, 4, 5, 6, 7, 8)
// expect: 1 2 3 4 5 6 7 
console.log('\u00e9%s\ud83d\ude00', 'x')
// expect: éx😀
console.info('info %d', 1)
// expect: info 1
console.debug('debug %s', 'two')
// expect: debug two
