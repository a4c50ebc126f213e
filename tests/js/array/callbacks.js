// forEach, map, filter, some, every: holes skipped, arguments, thisArg, mutation.
const j = (x) => JSON.stringify(x)
const log = []
;[10, , 30].forEach(function (x, i, arr) { log.push([x, i, arr.length, this.tag].join('/')) }, { tag: 'T' })
console.log(log.join(' '))
console.log([1, 2, 3].forEach((x) => x * 2))
const m = [1, , 3].map((x) => x * 2)
console.log(j(m), m.length, 1 in m)
console.log(j([1, 2, 3, 4].filter((x) => x % 2)), j([, 'a', , 'b'].filter(() => true)))
console.log([1, 2, 3].some((x) => x > 2), [1, 2, 3].some((x) => x > 5), [].some(() => true))
console.log([1, 2, 3].every((x) => x > 0), [1, 2, 3].every((x) => x > 1), [].every(() => false))
// some/every stop early
let count = 0
;[1, 2, 3, 4].some((x) => { count++; return x === 2 })
;[1, 2, 3, 4].every((x) => { count++; return x < 3 })
console.log(count)
// truthiness of callback results
console.log(j([0, 1, '', 'a', null, {}, NaN].filter((x) => x)))
// mutation during iteration: the length is fixed at the start, deleted elements are skipped
const arr = [1, 2, 3, 4]
const seen = []
arr.forEach((x, i) => { seen.push(x); if (i === 0) { arr.push(99); delete arr[2] } })
console.log(seen.join(), arr.length)
const arr2 = ['a', 'b', 'c']
const seen2 = []
arr2.forEach((x) => { seen2.push(x); arr2.shift() })
console.log(seen2.join(), arr2.join())
// map on array-likes and strings
console.log(j(Array.prototype.map.call({ length: 2, 0: 'x', 1: 'y' }, (s) => s + s)))
console.log(j(Array.prototype.map.call('abc', (c, i) => c + i)))
console.log(j(Array.prototype.filter.call({ length: 3, 0: 1, 1: 2, 2: 3 }, (x) => x > 1)))
// map uses the species constructor
class Tagged extends Array {}
const t = Tagged.of(1, 2)
console.log(t.map((x) => x) instanceof Tagged, t.filter(() => true) instanceof Tagged)
// errors
const show = (f) => { try { console.log(f()) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => [1].map())
show(() => [1].forEach(null))
show(() => [1].filter('x'))
show(() => [1].some([]))
show(() => [1].every(1.5))
show(() => [].map({}))
show(() => Array.prototype.map.call(null, (x) => x))
show(() => Array.prototype.forEach.call(undefined, (x) => x))
show(() => Array.prototype.filter.call(null, (x) => x))
show(() => [1, 2, 3].map((x) => { if (x === 2) throw new RangeError('two'); return x }))
// callbacks that are not arrow functions see undefined this in strict code
;[1].forEach(function () { 'use strict'; console.log(this) })
console.log(Array.prototype.forEach.length, Array.prototype.map.length, Array.prototype.filter.length)

// expect: 10/0/3/T 30/2/3/T
// expect: undefined
// expect: [2,null,6] 3 false
// expect: [1,3] ["a","b"]
// expect: true false false
// expect: true false true
// expect: 5
// expect: [1,"a",{}]
// expect: 1,2,4 5
// expect: a,c c
// expect: ["xx","yy"]
// expect: ["a0","b1","c2"]
// expect: [2,3]
// expect: true true
// expect: TypeError: undefined is not a function
// expect: TypeError: null is not a function
// expect: TypeError: x is not a function
// expect: TypeError: [object Array] is not a function
// expect: TypeError: 1.5 is not a function
// expect: TypeError: #<Object> is not a function
// expect: TypeError: Array.prototype.map called on null or undefined
// expect: TypeError: Array.prototype.forEach called on null or undefined
// expect: TypeError: Array.prototype.filter called on null or undefined
// expect: RangeError: two
// expect: undefined
// expect: 1 1 1
