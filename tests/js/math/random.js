// Math.random: numbers in [0, 1) with enough spread. (tickscope's generator is seeded, so
// a run is reproducible; node's is not, so only properties are printed here.)
const xs = []
for (let i = 0; i < 10000; i++) xs.push(Math.random())
console.log(xs.every((x) => typeof x === 'number' && x >= 0 && x < 1))
console.log(new Set(xs.slice(0, 1000)).size > 990)
const buckets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
for (const x of xs) buckets[Math.floor(x * 10)]++
console.log(buckets.every((b) => b > 800 && b < 1200))
const mean = xs.reduce((a, b) => a + b, 0) / xs.length
console.log(mean > 0.45 && mean < 0.55)
console.log(Math.random.length, typeof Math.random(1, 2, 3))

// expect: true
// expect: true
// expect: true
// expect: true
// expect: 0 number
