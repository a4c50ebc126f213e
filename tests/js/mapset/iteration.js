// Iterators and forEach: entries/keys/values/@@iterator, live iteration while entries
// are deleted, added and cleared, and the iterator objects themselves.
const j = JSON.stringify
const m = new Map([[1, 'a'], [2, 'b'], [3, 'c']])
console.log(j([...m]), j([...m.keys()]), j([...m.values()]), j([...m.entries()]))
// expect: [[1,"a"],[2,"b"],[3,"c"]] [1,2,3] ["a","b","c"] [[1,"a"],[2,"b"],[3,"c"]]
for (const [k, v] of m) { console.log(k, v); if (k === 1) { m.delete(2); m.set(4, 'd') } }
// expect: 1 a
// expect: 3 c
// expect: 4 d
const seen = []
m.forEach(function (v, k, map) { seen.push(k + v + (map === m) + this.x); if (k === 1) m.delete(3) }, { x: '!' })
console.log(seen.join()) // expect: 1atrue!,4dtrue!
const s = new Set([1, 2, 3])
const it = s.values()
console.log(it.next().value) // expect: 1
s.clear()
s.add(9)
console.log(j(it.next()), j(it.next()), j(it.next()))
// expect: {"value":9,"done":false} {"done":true} {"done":true}
const s2 = new Set([1, 2, 3])
const out = []
for (const x of s2) { out.push(x); if (x < 5) s2.add(x + 3); s2.delete(x) }
console.log(out.join(), s2.size) // expect: 1,2,3,4,5,6,7 0
const s3 = new Set(['a', 'b', 'c'])
const order = []
s3.forEach((v, k, set) => { order.push(v + k); if (v === 'a') { set.delete('a'); set.add('a') } if (order.length > 10) set.clear() })
console.log(order.join()) // expect: aa,bb,cc,aa,aa,aa,aa,aa,aa,aa,aa
const m2 = new Map([['x', 1]])
const e = m2.entries()
console.log(Object.prototype.toString.call(e), e[Symbol.iterator]() === e, typeof e.next, Object.keys(e).length)
// expect: [object Map Iterator] true function 0
console.log(j(e.next()), j(e.next()), j(e.next()))
// expect: {"value":["x",1],"done":false} {"done":true} {"done":true}
m2.set('y', 2)
console.log(j(e.next()), j([...m2.entries()])) // expect: {"done":true} [["x",1],["y",2]]
const si = new Set([5]).entries()
console.log(j(si.next().value), Object.prototype.toString.call(si))
// expect: [5,5] [object Set Iterator]
const mi = new Map([[1, 2]])[Symbol.iterator]()
console.log(Object.getPrototypeOf(mi) === Object.getPrototypeOf(new Map().keys()), Object.getOwnPropertyNames(Object.getPrototypeOf(mi)).join())
// expect: true next
const iterProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))
console.log(Object.getPrototypeOf(Object.getPrototypeOf(mi)) === iterProto, Object.getPrototypeOf(Object.getPrototypeOf(new Set().values())) === iterProto)
// expect: true true
// many deletions while an iterator is paused, then resumed
const big = new Map()
for (let i = 0; i < 100; i++) big.set(i, i)
const bi = big.keys()
bi.next(); bi.next()
for (let i = 0; i < 95; i++) big.delete(i)
for (let i = 100; i < 103; i++) big.set(i, i)
console.log([...bi].join(), big.size) // expect: 95,96,97,98,99,100,101,102 8
const m3 = new Map([[1, 1], [2, 2]])
const r = []
m3.forEach((v, k) => { r.push(k); if (k < 6) m3.set(k + 2, 0) })
console.log(r.join()) // expect: 1,2,3,4,5,6,7
