// reverse, fill and copyWithin, on dense arrays, holes and array-likes.
const j = (x) => JSON.stringify(x)
const a = [1, 2, 3, 4, 5]
console.log(a.reverse() === a, j(a), j([].reverse()), j([1].reverse()), j([1, 2].reverse()))
const h = [1, , 3, , ]
h.reverse()
console.log(h.length, j(h), 0 in h, 1 in h, 2 in h, 3 in h)
const o = { length: 3, 0: 'a', 2: 'c' }
Array.prototype.reverse.call(o)
console.log(j(o))
const odd = { length: 3, 1: 'mid' }
Array.prototype.reverse.call(odd)
console.log(j(odd))
console.log(j([1, 2, 3, 4].fill(0)), j([1, 2, 3, 4].fill(9, 1)), j([1, 2, 3, 4].fill(9, 1, 3)), j([1, 2, 3, 4].fill(9, -2)))
console.log(j([1, 2, 3].fill(7, 5)), j([1, 2, 3].fill(7, -10, -2)), j([1, 2, 3].fill(7, NaN, NaN)), j(Array(3).fill()))
const filled = Array(3).fill({})
console.log(filled[0] === filled[2])
console.log(j(Array.prototype.fill.call({ length: 2 }, 'x')))
console.log(j([1, 2, 3, 4, 5].copyWithin(0, 3)), j([1, 2, 3, 4, 5].copyWithin(0, 3, 4)), j([1, 2, 3, 4, 5].copyWithin(-2, -3, -1)))
console.log(j([1, 2, 3, 4, 5].copyWithin(1, 0)), j([1, 2, 3, 4, 5].copyWithin(0, 1)), j([1, 2, 3, 4, 5].copyWithin(2, 0, 2)))
const ch = [1, , 3, 4]
ch.copyWithin(2, 0, 2)
console.log(j(ch), 3 in ch)
console.log(j(Array.prototype.copyWithin.call({ length: 5, 3: 1 }, 0, 3)))
const show = (f) => { try { console.log(j(f())) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => Object.freeze([1, 2]).reverse())
show(() => Object.freeze([1, 2]).fill(0))
show(() => Object.freeze([1, 2]).copyWithin(0, 1))
show(() => Object.freeze([]).fill(0))
show(() => Array.prototype.reverse.call(null))
show(() => Array.prototype.fill.call(undefined))
show(() => Object.seal([1, 2, 3]).reverse())
console.log(Array.prototype.reverse.length, Array.prototype.fill.length, Array.prototype.copyWithin.length)

// expect: true [5,4,3,2,1] [] [1] [2,1]
// expect: 4 [null,3,null,1] false true false true
// expect: {"0":"c","2":"a","length":3}
// expect: {"1":"mid","length":3}
// expect: [0,0,0,0] [1,9,9,9] [1,9,9,4] [1,2,9,9]
// expect: [1,2,3] [7,2,3] [1,2,3] [null,null,null]
// expect: true
// expect: {"0":"x","1":"x","length":2}
// expect: [4,5,3,4,5] [4,2,3,4,5] [1,2,3,3,4]
// expect: [1,1,2,3,4] [2,3,4,5,5] [1,2,1,2,5]
// expect: [1,null,1,null] false
// expect: {"0":1,"3":1,"length":5}
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: TypeError: Cannot assign to read only property '0' of object '[object Array]'
// expect: []
// expect: TypeError: Cannot convert undefined or null to object
// expect: TypeError: Cannot convert undefined or null to object
// expect: [3,2,1]
// expect: 0 1 2
