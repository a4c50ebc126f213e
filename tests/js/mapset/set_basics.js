// Set: add/has/delete/clear/size, SameValueZero, uniqueness, insertion order.
const s = new Set()
console.log(s.size, s.add(1) === s, s.has(1), s.has('1'), s.add(1).size)
// expect: 0 true true false 1
s.add(NaN).add(NaN).add(0).add(-0).add('0').add(undefined).add(null)
console.log(s.size, s.has(NaN), s.has(-0), Object.is([...s][2], -0), s.has(undefined), s.has())
// expect: 6 true true false true true
const o = {}
s.add(o).add({}).add(o)
console.log(s.size, s.has(o), s.has({})) // expect: 8 true false
console.log(s.delete(1), s.delete(1), s.delete(o), s.size) // expect: true false true 6
console.log([...s].map(String).join('|')) // expect: NaN|0|0|undefined|null|[object Object]
console.log(new Set('mississippi').size, [...new Set('mississippi')].join(''), [...new Set([3, 1, 3, 2, 1])].join())
// expect: 4 misp 3,1,2
s.clear()
console.log(s.size, [...s].length) // expect: 0 0
const nums = new Set()
for (let i = 0; i < 500; i++) nums.add(i % 100)
console.log(nums.size, [...nums].reduce((a, b) => a + b, 0)) // expect: 100 4950
for (let i = 0; i < 100; i += 3) nums.delete(i)
console.log(nums.size, [...nums].slice(0, 5).join(), nums.has(3), nums.has(4))
// expect: 66 1,2,4,5,7 false true
