// A deterministic random workload (an LCG, no Math.random) of set/delete/clear on a Map
// and a Set with paused iterators that resume later: exercises growth, compaction and
// live iteration; the digests must equal node's.
let seed = 12345
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
const m = new Map(), s = new Set()
const iters = []
let digest = 0
const mix = (x) => { digest = (digest * 33 + (typeof x === 'number' ? x : String(x).length + 7)) % 1000000007 }
for (let step = 0; step < 4000; step++) {
  const op = rnd(100), k = rnd(64)
  const key = k % 3 === 0 ? 'k' + k : k % 3 === 1 ? k : k + 0.5
  if (op < 45) { m.set(key, step); s.add(key) }
  else if (op < 85) { mix(m.delete(key) ? 1 : 0); s.delete(key) }
  else if (op < 87) { m.clear(); if (rnd(2)) s.clear() }
  else if (op < 93) iters.push(rnd(2) ? m.entries() : s.values())
  else if (iters.length) {
    const it = iters[rnd(iters.length)]
    for (let i = 0, n = rnd(5); i < n; i++) { const r = it.next(); if (r.done) { mix(-1); break } mix(Array.isArray(r.value) ? r.value[1] : r.value) }
  }
  if (step % 500 === 499) console.log(step, m.size, s.size, digest, [...m.keys()].slice(0, 4).join(), [...s].slice(-3).join())
  // expect: 499 3 3 589511648.5 32.5,56.5,k0 32.5,56.5,k0
  // expect: 999 1 1 48147924.5 32.5 32.5
  // expect: 1499 2 2 816126184.5 32.5,56.5 32.5,56.5
  // expect: 1999 4 4 776352484 32.5,k57,56.5,k0 k57,56.5,k0
  // expect: 2499 1 4 324098888 k0 k57,56.5,k0
  // expect: 2999 1 3 27910998.5 56.5 32.5,k57,56.5
  // expect: 3499 2 2 672138105.5 32.5,16 32.5,16
  // expect: 3999 2 2 215826336 16,56.5 16,56.5
}
let rest = 0
for (const it of iters) for (const v of it) rest++
console.log(iters.length, rest, m.size, s.size) // expect: 320 539 2 2
// all iterators are exhausted now, so deletions compact the tables again
for (let step = 0; step < 3000; step++) {
  const k = rnd(200)
  if (rnd(3)) { m.set(k, step); s.add('s' + k) } else { m.delete(k); s.delete('s' + rnd(200)) }
}
let sum = 0
m.forEach((v, k) => { sum = (sum + v * 7 + k) % 1000003 })
console.log(m.size, s.size, sum, [...s].slice(0, 3).join(), [...m.keys()].slice(-3).join())
// expect: 22 24 387255.5 16,56.5,s161 16,112,128
