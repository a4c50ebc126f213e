// reduce and reduceRight: initial values, holes, arguments, errors.
console.log([1, 2, 3, 4].reduce((a, b) => a + b), [1, 2, 3, 4].reduce((a, b) => a + b, 10))
console.log(['a', 'b', 'c'].reduce((a, b) => a + b), ['a', 'b', 'c'].reduceRight((a, b) => a + b))
console.log([1, 2, 3].reduceRight((a, b) => a + '-' + b, 'start'))
const calls = []
;[, 1, , 2, ,].reduce((acc, x, i, arr) => { calls.push(`${acc}+${x}@${i}/${arr.length}`); return acc + x })
;[, 1, , 2, ,].reduceRight((acc, x, i) => { calls.push(`R${acc}+${x}@${i}`); return acc + x })
console.log(calls.join(' '))
console.log([5].reduce(() => 'never'), [].reduce(() => 'never', 'init'), [, , 7, ,].reduce((a) => a))
const show = (f) => { try { console.log(f()) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => [].reduce((a, b) => a + b))
show(() => [, ,].reduce((a, b) => a + b))
show(() => [].reduceRight((a, b) => a + b))
show(() => [1].reduce())
show(() => [1].reduceRight('f'))
show(() => Array.prototype.reduce.call(null, (a) => a))
show(() => Array.prototype.reduceRight.call(undefined, (a) => a))
show(() => [1, 2].reduce((a, b) => { throw new Error('inside ' + a + b) }))
// explicit undefined counts as an initial value
show(() => [].reduce((a) => a, undefined))
// this is undefined in the callback
show(() => [1, 2].reduce(function (a) { 'use strict'; return typeof this }))
// array-likes
show(() => Array.prototype.reduce.call({ length: 3, 0: 1, 1: 2, 2: 3 }, (a, b) => a * b))
show(() => Array.prototype.reduce.call('abc', (a, b) => b + a))
// a big sum
const big = []
for (let i = 1; i <= 10000; i++) big.push(i)
console.log(big.reduce((a, b) => a + b, 0))
// objects as accumulators
console.log(JSON.stringify(['x', 'y', 'x'].reduce((acc, k) => { acc[k] = (acc[k] || 0) + 1; return acc }, {})))
console.log(Array.prototype.reduce.length, Array.prototype.reduceRight.length)

// expect: 10 20
// expect: abc cba
// expect: start-3-2-1
// expect: 1+2@3/5 R2+1@1
// expect: 5 init 7
// expect: TypeError: Reduce of empty array with no initial value
// expect: TypeError: Reduce of empty array with no initial value
// expect: TypeError: Reduce of empty array with no initial value
// expect: TypeError: undefined is not a function
// expect: TypeError: f is not a function
// expect: TypeError: Array.prototype.reduce called on null or undefined
// expect: TypeError: Array.prototype.reduceRight called on null or undefined
// expect: Error: inside 12
// expect: undefined
// expect: undefined
// expect: 6
// expect: cba
// expect: 50005000
// expect: {"x":2,"y":1}
// expect: 1 1
