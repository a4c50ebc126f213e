// find, findIndex, findLast, findLastIndex: holes are visited, thisArg, errors.
const a = [5, 12, 8, 130, 44]
console.log(a.find((x) => x > 10), a.findIndex((x) => x > 10), a.findLast((x) => x > 10), a.findLastIndex((x) => x > 10))
console.log(a.find((x) => x > 1000), a.findIndex((x) => x > 1000), a.findLast((x) => x > 1000), a.findLastIndex((x) => x > 1000))
const visits = []
;[1, , 3].find((x, i, arr) => { visits.push(`${i}:${x}:${arr.length}`) })
;[1, , 3].findLast((x, i) => { visits.push(`L${i}:${x}`) })
console.log(visits.join(' '))
console.log([1, 2].find(function (x) { return x === this.want }, { want: 2 }))
console.log([1, 2, 3].findIndex((x) => x === 3, null))
// the length is read once; appended elements are not visited, removed ones read undefined
const grow = [1, 2, 3]
const seen = []
grow.find((x) => { seen.push(x); grow.push(x * 10); grow.length = Math.min(grow.length, 4) })
console.log(seen.join(), grow.join())
console.log(Array.prototype.find.call({ length: 2, 0: 'a', 1: 'b' }, (x) => x === 'b'))
console.log(Array.prototype.findLastIndex.call('hello', (c) => c === 'l'))
const show = (f) => { try { console.log(f()) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => [1].find())
show(() => [1].findIndex(42))
show(() => [1].findLast('f'))
show(() => [1].findLastIndex({}))
show(() => Array.prototype.find.call(null, (x) => x))
show(() => Array.prototype.findLast.call(undefined, (x) => x))
show(() => [1, 2].find((x) => { if (x === 2) throw new Error('in predicate'); return false }))
console.log(Array.prototype.find.length, Array.prototype.findLastIndex.length)

// expect: 12 1 44 4
// expect: undefined -1 undefined -1
// expect: 0:1:3 1:undefined:3 2:3:3 L2:3 L1:undefined L0:1
// expect: 2
// expect: 2
// expect: 1,2,3 1,2,3,10
// expect: b
// expect: 3
// expect: TypeError: undefined is not a function
// expect: TypeError: 42 is not a function
// expect: TypeError: f is not a function
// expect: TypeError: #<Object> is not a function
// expect: TypeError: Array.prototype.find called on null or undefined
// expect: TypeError: Array.prototype.findLast called on null or undefined
// expect: Error: in predicate
// expect: 1 1
