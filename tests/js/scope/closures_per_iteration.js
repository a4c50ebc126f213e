// Closures capture per-iteration let bindings; var is shared.
const fs = []
for (let i = 0; i < 3; i++) fs.push(() => i)
console.log(fs.map(f => f()).join(','))
const gs = []
for (var j = 0; j < 3; j++) gs.push(() => j)
console.log(gs.map(f => f()).join(','))
function counter() {
  let n = 0
  return { inc: () => ++n, get: () => n }
}
const c1 = counter(), c2 = counter()
c1.inc(); c1.inc(); c2.inc()
console.log(c1.get(), c2.get())
const hs = []
for (const k of ['a', 'b']) hs.push(() => k)
console.log(hs[0](), hs[1]())
const ks = []
for (const k in { x: 1, y: 2 }) ks.push(() => k)
console.log(ks.map(f => f()).join(''))
let outer = 'o'
function mk() { let inner = outer + 'i'; return function () { return inner + outer } }
outer = 'O'
console.log(mk()())

// expect: 0,1,2
// expect: 3,3,3
// expect: 2 1
// expect: a b
// expect: xy
// expect: OiO
