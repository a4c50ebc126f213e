// Errors print their stack; nested ones are indented; own properties follow in braces;
// errors without frames are bracketed. Stacks are set by hand so that they are the same
// under node and tickscope.
function mk(E, msg, stack) { const e = new E(msg); e.stack = stack; return e }
const e1 = mk(Error, 'boom', 'Error: boom\n    at f (a.js:1:2)\n    at g (a.js:2:3)')
console.log(e1)
// expect: Error: boom
// expect:     at f (a.js:1:2)
// expect:     at g (a.js:2:3)
console.log([e1])
// expect: [
// expect:   Error: boom
// expect:       at f (a.js:1:2)
// expect:       at g (a.js:2:3)
// expect: ]
console.log({ deep: { e1 } })
// expect: {
// expect:   deep: {
// expect:     e1: Error: boom
// expect:         at f (a.js:1:2)
// expect:         at g (a.js:2:3)
// expect:   }
// expect: }
e1.code = 'E_X'
console.log(e1)
// expect: Error: boom
// expect:     at f (a.js:1:2)
// expect:     at g (a.js:2:3) {
// expect:   code: 'E_X'
// expect: }
console.log({ e1 })
// expect: {
// expect:   e1: Error: boom
// expect:       at f (a.js:1:2)
// expect:       at g (a.js:2:3) {
// expect:     code: 'E_X'
// expect:   }
// expect: }
const e2 = mk(TypeError, 'bad', 'TypeError: bad')
console.log(e2, [e2], { e2 })
// expect: [TypeError: bad] [ [TypeError: bad] ] { e2: [TypeError: bad] }
class MyErr extends Error {}
console.log(mk(MyErr, 'm', 'Error: m\n    at x (b.js:1:1)'))
// expect: MyErr [Error]: m
// expect:     at x (b.js:1:1)
class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError' } }
const v = new ValidationError('v'); v.stack = 'ValidationError: v\n    at y (c.js:3:4)'
console.log(v)
// expect: ValidationError: v
// expect:     at y (c.js:3:4)
const c = new Error('outer', { cause: e2 }); c.stack = 'Error: outer\n    at y (c.js:1:1)'
console.log(c)
// expect: Error: outer
// expect:     at y (c.js:1:1) {
// expect:   [cause]: [TypeError: bad]
// expect: }
const d = new Error('with cause', { cause: 'text' }); d.stack = 'Error: with cause\n    at z (d.js:1:1)'
console.log(d)
// expect: Error: with cause
// expect:     at z (d.js:1:1) {
// expect:   [cause]: 'text'
// expect: }
const noStack = new RangeError('r'); noStack.stack = undefined
console.log(noStack)
// expect: [RangeError: r]
const custom = new Error('msg'); custom.stack = 'custom stack text'
console.log(custom)
// expect: [custom stack text]
const agg = new AggregateError([mk(Error, 'a', 'Error: a'), 'b'], 'many')
agg.stack = 'AggregateError: many\n    at k (h.js:1:1)'
console.log(agg)
// expect: AggregateError: many
// expect:     at k (h.js:1:1) {
// expect:   [errors]: [ [Error: a], 'b' ]
// expect: }
const inner = mk(Error, 'inner', 'Error: inner\n    at a (x.js:1:1)\n    at b (x.js:2:1)\n    at c (x.js:3:1)\n    at d (x.js:4:1)')
const outer = new Error('outer', { cause: inner })
outer.stack = 'Error: outer\n    at z (x.js:9:1)\n    at b (x.js:2:1)\n    at c (x.js:3:1)\n    at d (x.js:4:1)'
console.log(outer)
// expect: Error: outer
// expect:     at z (x.js:9:1)
// expect:     at b (x.js:2:1)
// expect:     at c (x.js:3:1)
// expect:     at d (x.js:4:1) {
// expect:   [cause]: Error: inner
// expect:       at a (x.js:1:1)
// expect:       at b (x.js:2:1)
// expect:       at c (x.js:3:1)
// expect:       at d (x.js:4:1)
// expect: }
console.log('%s', mk(Error, 'via %s', 'Error: via %s\n    at s (s.js:1:1)'))
// expect: Error: via %s
// expect:     at s (s.js:1:1)
console.log({ name: 'not', message: 'an', stack: 'error' })
// expect: { name: 'not', message: 'an', stack: 'error' }
