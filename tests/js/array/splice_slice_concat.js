// splice, slice and concat: index arithmetic, holes, array-likes, IsConcatSpreadable.
const j = (x) => JSON.stringify(x)
const a = [0, 1, 2, 3, 4, 5]
console.log(j(a.slice()), j(a.slice(2)), j(a.slice(-2)), j(a.slice(1, -1)), j(a.slice(4, 2)))
console.log(j(a.slice(-100, 100)), j(a.slice('1', '3')), j(a.slice(NaN, 2)), j(a.slice(2, undefined)))
console.log(j(a.slice(Infinity)), j(a.slice(-Infinity, 1)))
const holes = [1, , 3, , 5]
const sl = holes.slice(1, 4)
console.log(sl.length, 0 in sl, 1 in sl, 2 in sl)
console.log(j(Array.prototype.slice.call({ length: 3, 0: 'x', 2: 'z' })))
console.log(j(Array.prototype.slice.call('abc', 1)))
let b = [0, 1, 2, 3, 4, 5]
console.log(j(b.splice(2, 2)), j(b))
console.log(j(b.splice(1, 0, 'a', 'b')), j(b))
console.log(j(b.splice(-2)), j(b))
console.log(j(b.splice(1, 1, 'x', 'y', 'z')), j(b))
console.log(j(b.splice()), j(b))
console.log(j(b.splice(0, -5)), j(b.splice(0, Infinity)), j(b))
b = [1, 2, 3]
console.log(j(b.splice(undefined)), j(b))
b = [1, 2, 3]
console.log(j(b.splice(1, undefined)), j(b))
// holes survive splice
const hs = [1, , 3, 4]
const removed = hs.splice(0, 2)
console.log(removed.length, 1 in removed, j(hs))
const hs2 = [1, , 3]
hs2.splice(0, 0, 'new')
console.log(hs2.length, 2 in hs2, j(hs2))
// array-like splice
const o = { length: 4, 0: 'a', 1: 'b', 2: 'c', 3: 'd' }
console.log(j(Array.prototype.splice.call(o, 1, 2, 'X')), j(o))
// a big splice on a dense array
const big = []
for (let i = 0; i < 2000; i++) big.push(i)
const mid = big.splice(500, 1000, 'a', 'b')
console.log(mid.length, mid[0], mid[999], big.length, big[499], big[500], big[501], big[502])
// concat
console.log(j([1].concat(2, [3, 4], [[5]], 'six')))
console.log(j([].concat()), j([1, , 3].concat([4])), [1, , 3].concat([4]).length)
const spreadable = { length: 2, 0: 'x', 1: 'y', [Symbol.isConcatSpreadable]: true }
console.log(j([0].concat(spreadable)))
const notSpread = [7, 8]
notSpread[Symbol.isConcatSpreadable] = false
console.log(j([0].concat(notSpread)), [0].concat(notSpread).length)
console.log(j(Array.prototype.concat.call('ab', 'cd')))
console.log(j(Array.prototype.concat.call(1, 2)))
try { Array.prototype.concat.call(null) } catch (e) { console.log(e.message) }
try { [1].concat({ length: 2 ** 53 - 1, [Symbol.isConcatSpreadable]: true }) } catch (e) { console.log(e.constructor.name, e.message) }
// species
class Sub extends Array {}
const s = Sub.from([1, 2, 3])
console.log(s.slice(1) instanceof Sub, s.splice(0, 1) instanceof Sub, s.concat([]) instanceof Sub)
const weird = [1, 2, 3]
weird.constructor = { [Symbol.species]: function (n) { this.made = n } }
const w = weird.slice(0, 2)
console.log(Array.isArray(w), w.made, w.length, w[0], w[1])
weird.constructor = { [Symbol.species]: null }
console.log(Array.isArray(weird.slice(1)))
weird.constructor = { [Symbol.species]: 7 }
try { weird.slice() } catch (e) { console.log(e.constructor.name, e.message) }
weird.constructor = 7
try { weird.concat() } catch (e) { console.log(e.constructor.name, e.message) }
console.log(Array.prototype.splice.length, Array.prototype.slice.length, Array.prototype.concat.length)

// expect: [0,1,2,3,4,5] [2,3,4,5] [4,5] [1,2,3,4] []
// expect: [0,1,2,3,4,5] [1,2] [0,1] [2,3,4,5]
// expect: [] [0]
// expect: 3 false true false
// expect: ["x",null,"z"]
// expect: ["b","c"]
// expect: [2,3] [0,1,4,5]
// expect: [] [0,"a","b",1,4,5]
// expect: [4,5] [0,"a","b",1]
// expect: ["a"] [0,"x","y","z","b",1]
// expect: [] [0,"x","y","z","b",1]
// expect: [] [0,"x","y","z","b",1] []
// expect: [1,2,3] []
// expect: [] [1,2,3]
// expect: 2 false [3,4]
// expect: 4 false ["new",1,null,3]
// expect: ["b","c"] {"0":"a","1":"X","2":"d","length":3}
// expect: 1000 500 1499 1002 499 a b 1500
// expect: [1,2,3,4,[5],"six"]
// expect: [] [1,null,3,4] 4
// expect: [0,"x","y"]
// expect: [0,[7,8]] 2
// expect: ["ab","cd"]
// expect: [1,2]
// expect: Array.prototype.concat called on null or undefined
// expect: TypeError Invalid array length
// expect: true true true
// expect: false 2 2 1 2
// expect: true
// expect: TypeError object.constructor[Symbol.species] is not a constructor
// expect: TypeError object.constructor[Symbol.species] is not a constructor
// expect: 2 2 1
