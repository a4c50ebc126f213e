// sort and toSorted: default string order, comparators, stability, undefined and holes,
// errors from the comparator, array-likes.
const j = (x) => JSON.stringify(x)
console.log(j([3, 1, 10, 2, 21].sort()), j(['b', 'a', 'C', 'B', '', 'aa'].sort()))
console.log(j([3, 1, 10, 2, 21].sort((a, b) => a - b)), j([3, 1, 10, 2, 21].sort((a, b) => b - a)))
console.log(j([true, false, null, 'null', 1, '1', -1].sort()))
console.log(j(['\u00e9', 'e', 'z', '\u{1F600}', '\uffff'].sort()))
// undefined values go last, holes after them
const h = [3, undefined, , 1, undefined, , 2]
h.sort()
console.log(h.length, j(h), 4 in h, 5 in h, 6 in h)
const h2 = [, 'b', undefined, 'a']
h2.sort((a, b) => (a < b ? -1 : 1))
console.log(h2.length, j(h2), 3 in h2)
// the comparator never sees undefined
const seen = new Array()
;[undefined, 2, undefined, 1].sort((a, b) => { seen.push(typeof a, typeof b); return a - b })
console.log(seen.every((t) => t === 'number'))
// stability: equal keys keep their order
const people = []
for (let i = 0; i < 50; i++) people.push({ id: i, age: i % 5 })
people.sort((a, b) => a.age - b.age)
console.log(people.slice(0, 12).map((p) => p.id).join())
console.log(people.every((p, i) => i === 0 || people[i - 1].age < p.age || (people[i - 1].age === p.age && people[i - 1].id < p.id)))
// comparator results: booleans, strings, NaN and objects are converted to numbers
console.log(j([3, 1, 2].sort((a, b) => a > b)), j([3, 1, 2].sort((a, b) => '' + (a - b))), j([3, 1, 2].sort(() => NaN)))
console.log(j([3, 1, 2].sort((a, b) => ({ valueOf() { return a - b } }))))
// large inputs
const big = []
let seed = 42
for (let i = 0; i < 5000; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; big.push(seed % 1000) }
const sorted = big.slice().sort((a, b) => a - b)
let ok = true
for (let i = 1; i < sorted.length; i++) if (sorted[i - 1] > sorted[i]) ok = false
console.log(ok, sorted[0], sorted[4999], sorted.length)
const strs = big.slice(0, 300).sort()
console.log(strs.slice(0, 5).join(), strs.slice(-3).join())
// the sort returns the same array
const same = [2, 1]
console.log(same.sort() === same)
// errors
const show = (f) => { try { console.log(j(f())) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => [2, 1].sort(null))
show(() => [2, 1].sort(1))
show(() => [2, 1].sort({}))
show(() => [].sort('x'))
show(() => [2, 1].toSorted(null))
show(() => Array.prototype.sort.call(null))
show(() => Array.prototype.sort.call(undefined, 5))
const partly = [3, 2, 1]
show(() => partly.sort((a, b) => { if (a === 1 || b === 1) throw new Error('cmp ' + a + ' ' + b); return a - b }).length)
console.log(j(partly))
show(() => [{ toString() { throw new Error('no string') } }, 1].sort())
show(() => [Symbol('a'), Symbol('b')].sort())
show(() => Object.freeze([2, 1]).sort())
show(() => Object.freeze([1]).sort())
// array-likes
const al = { length: 4, 0: 'd', 1: 'b', 3: 'a' }
Array.prototype.sort.call(al)
console.log(j(al))
// toSorted leaves the receiver alone and reads holes as undefined
const orig = [3, , 1]
const ts = orig.toSorted()
console.log(j(orig), j(ts), 1 in ts, ts.length)
console.log(j(Array.prototype.toSorted.call({ length: 3, 0: 'z', 2: 'a' })))
console.log(j([10, 9, 1].toSorted((a, b) => a - b)), j([10, 9, 1].toSorted()))
show(() => Array.prototype.toSorted.call({ length: 2 ** 32 }))
console.log(Array.prototype.sort.length, Array.prototype.toSorted.length)

// expect: [1,10,2,21,3] ["","B","C","a","aa","b"]
// expect: [1,2,3,10,21] [21,10,3,2,1]
// expect: [-1,1,"1",false,null,"null",true]
// expect: ["e","z","é","😀","￿"]
// expect: 7 [1,2,3,null,null,null,null] true false false
// expect: 4 ["a","b",null,null] false
// expect: true
// expect: 0,5,10,15,20,25,30,35,40,45,1,6
// expect: true
// expect: [3,1,2] [1,2,3] [3,1,2]
// expect: [1,2,3]
// expect: true 0 992 5000
// expect: 0,112,112,112,112 984,984,992
// expect: true
// expect: TypeError: The comparison function must be either a function or undefined
// expect: TypeError: The comparison function must be either a function or undefined
// expect: TypeError: The comparison function must be either a function or undefined
// expect: TypeError: The comparison function must be either a function or undefined
// expect: TypeError: The comparison function must be either a function or undefined
// expect: TypeError: Cannot convert undefined or null to object
// expect: TypeError: The comparison function must be either a function or undefined
// expect: Error: cmp 1 2
// expect: [3,2,1]
// expect: Error: no string
// expect: TypeError: Cannot convert a Symbol value to a string
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: [1]
// expect: {"0":"a","1":"b","2":"d","length":4}
// expect: [3,null,1] [1,3,null] true 3
// expect: ["a","z",null]
// expect: [1,9,10] [1,10,9]
// expect: RangeError: Invalid array length
// expect: 1 1
