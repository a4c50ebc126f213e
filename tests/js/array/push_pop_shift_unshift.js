// push, pop, shift, unshift on arrays, holes and array-likes.
const a = [1, 2]
console.log(a.push(3, 4), JSON.stringify(a))
console.log(a.push(), a.length)
console.log(a.pop(), a.pop(), JSON.stringify(a))
console.log([].pop(), [].shift())
console.log(a.shift(), JSON.stringify(a))
console.log(a.unshift(0, 0.5), JSON.stringify(a))
console.log(a.unshift(), JSON.stringify(a))
// a queue
const q = []
for (let i = 0; i < 1000; i++) q.push(i)
let sum = 0
while (q.length) sum += q.shift()
console.log(sum, q.length)
// holes move with shift and unshift
const h = [1, , 3]
h.shift()
console.log(JSON.stringify(h), 0 in h, 1 in h)
h.unshift('x')
console.log(JSON.stringify(h), h.length, 1 in h, 2 in h)
// inherited elements are read through holes
Array.prototype[1] = 'proto'
const p = [0, , 2]
console.log(p.shift(), JSON.stringify(p), p.hasOwnProperty(0))
delete Array.prototype[1]
// array-likes
const o = { length: 2, 0: 'a', 1: 'b' }
console.log(Array.prototype.push.call(o, 'c'), JSON.stringify(o))
console.log(Array.prototype.pop.call(o), JSON.stringify(o))
console.log(Array.prototype.shift.call(o), JSON.stringify(o))
console.log(Array.prototype.unshift.call(o, 'y', 'z'), JSON.stringify(o))
const empty = {}
console.log(Array.prototype.pop.call(empty), JSON.stringify(empty))
const big = { length: 2 ** 53 - 1 }
try { Array.prototype.push.call(big, 1) } catch (e) { console.log(e.constructor.name, e.message) }
try { Array.prototype.unshift.call(big, 1) } catch (e) { console.log(e.constructor.name, e.message) }
const lenStr = { length: '2', 0: 1, 1: 2 }
console.log(Array.prototype.pop.call(lenStr), lenStr.length)
// frozen and sealed arrays
const fr = Object.freeze([1, 2])
;['push', 'pop', 'shift', 'unshift'].forEach((m) => {
  try { fr[m](9); console.log(m, 'ok') } catch (e) { console.log(m, e.constructor.name, e.message) }
})
const se = Object.seal([1, 2])
try { se.pop() } catch (e) { console.log('sealed pop', e.message) }
try { se.push(3) } catch (e) { console.log('sealed push', e.message) }
console.log(JSON.stringify(se))
try { Object.freeze([]).push() } catch (e) { console.log(e.message) }
// setters on the prototype are seen by push
Object.defineProperty(Array.prototype, 5, { set(v) { console.log('setter got', v) }, configurable: true })
const s = [0, 1, 2, 3, 4]
s.push('five')
console.log(s.length, s.hasOwnProperty(5))
delete Array.prototype[5]
console.log(Array.prototype.push.length, Array.prototype.unshift.length, Array.prototype.pop.length)

// expect: 4 [1,2,3,4]
// expect: 4 4
// expect: 4 3 [1,2]
// expect: undefined undefined
// expect: 1 [2]
// expect: 3 [0,0.5,2]
// expect: 3 [0,0.5,2]
// expect: 499500 0
// expect: [null,3] false true
// expect: ["x",null,3] 3 false true
// expect: 0 ["proto",2] true
// expect: 3 {"0":"a","1":"b","2":"c","length":3}
// expect: c {"0":"a","1":"b","length":2}
// expect: a {"0":"b","length":1}
// expect: 3 {"0":"y","1":"z","2":"b","length":3}
// expect: undefined {"length":0}
// expect: TypeError Pushing 1 elements on an array-like of length 9007199254740991 is disallowed, as the total surpasses 2**53-1
// expect: TypeError Invalid array length
// expect: 2 1
// expect: push TypeError Cannot add property 2, object is not extensible
// expect: pop TypeError Cannot delete property '1' of [object Array]
// expect: shift TypeError Cannot assign to read only property '0' of object '[object Array]'
// expect: unshift TypeError Cannot add property 2, object is not extensible
// expect: sealed pop Cannot delete property '1' of [object Array]
// expect: sealed push Cannot add property 2, object is not extensible
// expect: [1,2]
// expect: Cannot assign to read only property 'length' of object '[object Array]'
// expect: setter got five
// expect: 6 false
// expect: 1 1 0
