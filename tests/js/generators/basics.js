// Generators: lazy bodies, next(v), return(), throw(), finally on return, spread.
function* gen(a) {
  console.log('started with', a)
  const x = yield 1
  console.log('got', x)
  try {
    yield 2
    yield 3
  } finally {
    console.log('cleanup')
  }
  return 'end'
}
const g = gen('A')
console.log('created')
console.log(g.next('ignored'))
console.log(g.next('X'))
console.log(g.return('early'))
console.log(g.next())
function* nat() { let i = 0; while (true) yield i++ }
const it = nat()
console.log(it.next().value, it.next().value, it.next().value)
function* three() { yield 1; yield 2; yield 3 }
console.log([...three()])
for (const v of three()) { if (v === 2) break; console.log('v', v) }
const t = three()
t.next()
try { t.throw(new Error('thrown in')) } catch (e) { console.log('caught outside:', e.message) }
console.log(t.next())
function* catcher() { while (true) { try { yield 'ready' } catch (e) { console.log('inside caught', e) } } }
const c = catcher()
c.next()
console.log(c.throw('boom'))
function* selfRef() { yield s.next() }
const s = selfRef()
try { s.next() } catch (e) { console.log(e.message) }
const o = { *m() { yield this.k }, k: 'method' }
console.log(o.m().next().value, typeof gen.prototype, Object.prototype.toString.call(g))

// expect: created
// expect: started with A
// expect: { value: 1, done: false }
// expect: got X
// expect: { value: 2, done: false }
// expect: cleanup
// expect: { value: 'early', done: true }
// expect: { value: undefined, done: true }
// expect: 0 1 2
// expect: [ 1, 2, 3 ]
// expect: v 1
// expect: caught outside: thrown in
// expect: { value: undefined, done: true }
// expect: inside caught boom
// expect: { value: 'ready', done: false }
// expect: Generator is already running
// expect: method object [object Generator]
