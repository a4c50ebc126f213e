// WeakMap and WeakSet: object and non-registered symbol keys, invalid keys, and the
// usual private-data idiom. (Weak collection by the GC is not observable here.)
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
const wm = new WeakMap()
const a = {}, b = function () {}, s = Symbol('s')
console.log(wm.set(a, 1) === wm, wm.get(a), wm.has(a), wm.has({}), wm.get(b), wm.set(b, 2).get(b))
// expect: true 1 true false undefined 2
console.log(wm.set(s, 'sym').get(s), wm.has(Symbol('s')), wm.set(Symbol.iterator, 'wk').get(Symbol.iterator))
// expect: sym false wk
console.log(wm.delete(a), wm.delete(a), wm.has(a), wm.get(a)) // expect: true false false undefined
console.log(t(() => wm.set(1, 1))) // expect: TypeError: Invalid value used as weak map key
console.log(t(() => wm.set('k', 1))) // expect: TypeError: Invalid value used as weak map key
console.log(t(() => wm.set(null, 1))) // expect: TypeError: Invalid value used as weak map key
console.log(t(() => wm.set(Symbol.for('reg'), 1)))
// expect: TypeError: Invalid value used as weak map key
console.log(wm.get(1), wm.has('x'), wm.delete(null), wm.has(Symbol.for('reg')), wm.get())
// expect: undefined false false false undefined
const ws = new WeakSet([a, b])
console.log(ws.has(a), ws.has(b), ws.has({}), ws.add(a) === ws, ws.delete(b), ws.has(b), ws.add(s).has(s))
// expect: true true false true true false true
console.log(t(() => ws.add(1))) // expect: TypeError: Invalid value used in weak set
console.log(t(() => ws.add(Symbol.for('x')))) // expect: TypeError: Invalid value used in weak set
console.log(t(() => new WeakSet([1]))) // expect: TypeError: Invalid value used in weak set
console.log(t(() => new WeakMap([[1, 2]]))) // expect: TypeError: Invalid value used as weak map key
console.log(ws.has(1), ws.delete('a'), new WeakMap([[a, 'init']]).get(a))
// expect: false false init
const priv = new WeakMap()
class Counter {
  constructor() { priv.set(this, 0) }
  inc() { priv.set(this, priv.get(this) + 1); return this }
  get value() { return priv.get(this) }
}
const c1 = new Counter(), c2 = new Counter()
c1.inc().inc(); c2.inc()
console.log(c1.value, c2.value) // expect: 2 1
let keep = []
for (let i = 0; i < 300; i++) { const k = { i }; wm.set(k, i); if (i % 3 === 0) keep.push(k) }
console.log(keep.every((k) => wm.get(k) === k.i), keep.length) // expect: true 100
console.log(Object.prototype.toString.call(wm), Object.prototype.toString.call(ws), typeof wm.size, typeof ws.forEach)
// expect: [object WeakMap] [object WeakSet] undefined undefined
