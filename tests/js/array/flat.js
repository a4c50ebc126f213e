// flat and flatMap: depth, holes, array-likes inside, species, errors.
const j = (x) => JSON.stringify(x)
const nested = [1, [2, [3, [4, [5]]]]]
console.log(j(nested.flat()), j(nested.flat(2)), j(nested.flat(Infinity)), j(nested.flat(0)), j(nested.flat(-1)))
console.log(j(nested.flat('1')), j(nested.flat(undefined)), j(nested.flat(null)), j(nested.flat(NaN)))
console.log(j([1, , 3, [4, , 6]].flat()), [1, , 3].flat().length)
console.log(j([{ length: 1, 0: 'not spread' }, ['spread']].flat()))
console.log(j([[]].flat()), j([].flat()), j([[[]]].flat(Infinity)))
console.log(j([1, 2, 3].flatMap((x) => [x, x * 10])), j([1, 2].flatMap((x) => [[x]])), j(['a b', 'c'].flatMap((s) => s === 'c' ? [] : [s, s])))
console.log(j([1, 2, 3].flatMap((x, i, arr) => [i, arr.length])), j([1].flatMap(function () { return this.v }, { v: 'this' })))
console.log(j([1, , 3].flatMap((x) => x)))
const cyclic = [1]
cyclic.push(cyclic)
console.log(cyclic.flat(3).length, cyclic.flat(3)[4] === cyclic)
const show = (f) => { try { console.log(j(f())) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => cyclic.flat(Infinity))
show(() => [1].flatMap())
show(() => [1].flatMap(3))
show(() => Array.prototype.flat.call(null))
show(() => Array.prototype.flatMap.call(undefined, (x) => x))
show(() => [1].flat(Symbol()))
show(() => Array.prototype.flat.call({ length: 2, 0: [1, 2], 1: 3 }))
class Sub extends Array {}
console.log(Sub.of([1]).flat() instanceof Sub, Sub.of(1).flatMap((x) => [x]) instanceof Sub)
console.log(Array.prototype.flat.length, Array.prototype.flatMap.length)

// expect: [1,2,[3,[4,[5]]]] [1,2,3,[4,[5]]] [1,2,3,4,5] [1,[2,[3,[4,[5]]]]] [1,[2,[3,[4,[5]]]]]
// expect: [1,2,[3,[4,[5]]]] [1,2,[3,[4,[5]]]] [1,[2,[3,[4,[5]]]]] [1,[2,[3,[4,[5]]]]]
// expect: [1,3,4,6] 2
// expect: [{"0":"not spread","length":1},"spread"]
// expect: [] [] []
// expect: [1,10,2,20,3,30] [[1],[2]] ["a b","a b"]
// expect: [0,3,1,3,2,3] ["this"]
// expect: [1,3]
// expect: 5 true
// expect: RangeError: Maximum call stack size exceeded
// expect: TypeError: flatMap mapper function is not callable
// expect: TypeError: flatMap mapper function is not callable
// expect: TypeError: Cannot convert undefined or null to object
// expect: TypeError: Cannot convert undefined or null to object
// expect: TypeError: Cannot convert a Symbol value to a number
// expect: [1,2,3]
// expect: true true
// expect: 0 1
