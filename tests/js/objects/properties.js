// defineProperty, getters/setters, freeze, delete, in, prototype chains.
const o = {}
Object.defineProperty(o, 'ro', { value: 1, writable: false, enumerable: true })
o.ro = 2
console.log(o.ro, Object.keys(o))
try { (function () { 'use strict'; o.ro = 3 })() } catch (e) { console.log(e.message) }
const fr = Object.freeze({ a: 1 })
try { (function () { 'use strict'; fr.b = 1 })() } catch (e) { console.log(e.message) }
console.log(Object.isFrozen(fr), delete fr.a, fr.a)
const base = { hello() { return 'hi from ' + this.name } }
const child = Object.create(base)
child.name = 'child'
console.log(child.hello(), Object.getPrototypeOf(child) === base)
const t = { a: 1, b: 2 }
console.log(delete t.a, 'a' in t, t)
let backing = 0
const acc = { get v() { return backing }, set v(x) { backing = x * 2 } }
acc.v = 21
console.log(acc.v)
console.log(Object.entries({ k: 1, j: 2 }), Object.values({ k: 1 }))
console.log(Object.assign({ a: 1 }, { b: 2 }, { a: 3 }))
const arr = [1, 2, 3]
arr.length = 1
console.log(arr, arr.length)
arr[4] = 5
console.log(arr, arr.length)

// expect: 1 [ 'ro' ]
// expect: Cannot assign to read only property 'ro' of object '#<Object>'
// expect: Cannot add property b, object is not extensible
// expect: true false 1
// expect: hi from child true
// expect: true false { b: 2 }
// expect: 42
// expect: [ [ 'k', 1 ], [ 'j', 2 ] ] [ 1 ]
// expect: { a: 3, b: 2 }
// expect: [ 1 ] 1
// expect: [ 1, <3 empty items>, 5 ] 5
