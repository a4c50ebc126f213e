// Map: get/set/has/delete/clear/size, SameValueZero keys, chaining, insertion order.
const m = new Map()
console.log(m.size, m.set('a', 1) === m, m.get('a'), m.has('a'), m.has('b'), m.get('b'))
// expect: 0 true 1 true false undefined
m.set(NaN, 'nan').set(0, 'zero').set(-0, 'minus zero').set('0', 'string zero')
console.log(m.get(NaN), m.get(0), m.get(-0), m.get('0'), m.size, Object.is([...m.keys()][2], -0))
// expect: nan minus zero minus zero string zero 4 false
const k1 = {}, k2 = {}, f = () => 1, s = Symbol('s')
m.set(k1, 'k1').set(k2, 'k2').set(f, 'fn').set(s, 'sym').set(null, 'null').set(undefined, 'undef')
console.log(m.get(k1), m.get(k2), m.get({}), m.get(f), m.get(s), m.get(Symbol('s')), m.get(null), m.get(undefined), m.get())
// expect: k1 k2 undefined fn sym undefined null undef undef
m.set(true, 'T').set(1, 'one').set('1', 'str one')
console.log(m.get(true), m.get(1), m.get('1'), m.get(1.0), m.has(1.5))
// expect: T one str one one false
console.log(m.delete('a'), m.delete('a'), m.has('a'), m.size) // expect: true false false 12
m.set('a', 'again')
console.log([...m.keys()].map(String).join('|'))
// expect: NaN|0|0|[object Object]|[object Object]|() => 1|Symbol(s)|null|undefined|true|1|1|a
m.set(0, 'updated')
console.log(m.get(0), [...m.keys()].indexOf(0)) // expect: updated 1
m.clear()
console.log(m.size, m.get(k1), [...m].length, m.clear()) // expect: 0 undefined 0 undefined
const big = new Map()
for (let i = 0; i < 1000; i++) big.set('k' + i, i)
for (let i = 0; i < 1000; i += 2) big.delete('k' + i)
let sum = 0
for (const [, v] of big) sum += v
console.log(big.size, sum, big.get('k999'), big.get('k998'), [...big.keys()].slice(0, 3).join())
// expect: 500 250000 999 undefined k1,k3,k5
for (let i = 0; i < 1000; i++) big.set(i, -i)
console.log(big.size, big.get(500), [...big.values()][500], [...big.keys()][499])
// expect: 1500 -500 -0 k999
const objs = []
for (let i = 0; i < 200; i++) objs.push({ i })
const om = new Map(objs.map((o) => [o, o.i * 2]))
console.log(om.size, om.get(objs[150]), objs.every((o) => om.get(o) === o.i * 2), om.get({ i: 1 }))
// expect: 200 300 true undefined
