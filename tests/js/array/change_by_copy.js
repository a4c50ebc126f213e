// ES2023 change-array-by-copy: toReversed, toSorted, toSpliced, with.
const j = (x) => JSON.stringify(x)
const a = [1, 2, 3]
console.log(j(a.toReversed()), j(a), a.toReversed() !== a)
console.log(j([1, , 3].toReversed()), 1 in [1, , 3].toReversed())
console.log(j(a.toSpliced(1, 1)), j(a.toSpliced(1, 0, 'x', 'y')), j(a.toSpliced(-1)), j(a.toSpliced()), j(a.toSpliced(0, Infinity, 'z')))
console.log(j([1, , 3].toSpliced(0, 0)), 1 in [1, , 3].toSpliced(0, 0))
console.log(j(a.with(0, 'first')), j(a.with(-1, 'last')), j(a.with('1', 'one')), j(a))
console.log(j([1, , 3].with(0, 0)), 1 in [1, , 3].with(0, 0))
const al = { length: 3, 0: 'a', 1: 'b', 2: 'c' }
console.log(j(Array.prototype.toReversed.call(al)), j(Array.prototype.with.call(al, 1, 'B')), j(Array.prototype.toSpliced.call(al, 1, 1)))
class Sub extends Array {}
const s = Sub.of(3, 1, 2)
console.log(s.toReversed() instanceof Sub, s.toSorted() instanceof Sub, s.toSpliced(0) instanceof Sub, s.with(0, 0) instanceof Sub)
const show = (f) => { try { console.log(j(f())) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => a.with(3, 'x'))
show(() => a.with(-4, 'x'))
show(() => a.with(Infinity, 'x'))
show(() => [].with(0, 1))
show(() => Array.prototype.toReversed.call({ length: 2 ** 32 }))
show(() => Array.prototype.with.call({ length: 2 ** 32 }, 0, 0))
show(() => Array.prototype.toSpliced.call({ length: 2 ** 32 - 1 }, 0, 0, 1))
show(() => Array.prototype.toReversed.call(null))
show(() => Array.prototype.with.call(undefined, 0, 0))
show(() => Object.freeze([2, 1]).toSorted())
show(() => Object.freeze([1, 2]).with(0, 5))
console.log(Array.prototype.toReversed.length, Array.prototype.toSorted.length, Array.prototype.toSpliced.length, Array.prototype.with.length)

// expect: [3,2,1] [1,2,3] true
// expect: [3,null,1] true
// expect: [1,3] [1,"x","y",2,3] [1,2] [1,2,3] ["z"]
// expect: [1,null,3] true
// expect: ["first",2,3] [1,2,"last"] [1,"one",3] [1,2,3]
// expect: [0,null,3] true
// expect: ["c","b","a"] ["a","B","c"] ["a","c"]
// expect: false false false false
// expect: RangeError: Invalid index : 3
// expect: RangeError: Invalid index : -4
// expect: RangeError: Invalid index : Infinity
// expect: RangeError: Invalid index : 0
// expect: RangeError: Invalid array length
// expect: RangeError: Invalid array length
// expect: RangeError: Invalid array length
// expect: TypeError: Cannot convert undefined or null to object
// expect: TypeError: Cannot convert undefined or null to object
// expect: [1,2]
// expect: [5,2]
// expect: 0 1 2 2
