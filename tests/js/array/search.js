// at, indexOf, lastIndexOf, includes: fromIndex arithmetic, NaN, -0, holes.
const a = [1, 2, 3, 2, 1]
console.log(a.at(0), a.at(-1), a.at(5), a.at(-6), a.at('1'), a.at(1.7), a.at(-0.5), a.at(NaN))
console.log(a.indexOf(2), a.indexOf(2, 2), a.indexOf(2, -2), a.indexOf(9), a.indexOf(1, 100), a.indexOf(1, -100))
console.log(a.lastIndexOf(2), a.lastIndexOf(2, 2), a.lastIndexOf(2, -3), a.lastIndexOf(1, -6), a.lastIndexOf(1, 100))
console.log(a.lastIndexOf(1, undefined), a.lastIndexOf(1), [].lastIndexOf(1), [].indexOf(undefined))
console.log(a.includes(3), a.includes(3, 3), a.includes(1, -1), a.includes(9), a.includes(1, Infinity), a.indexOf(1, Infinity))
console.log([NaN].indexOf(NaN), [NaN].lastIndexOf(NaN), [NaN].includes(NaN))
console.log([-0].indexOf(0), [0].includes(-0), [-0].lastIndexOf(+0))
console.log([, 1].indexOf(undefined), [, 1].includes(undefined), [, 1].lastIndexOf(undefined))
console.log(['1'].indexOf(1), [null].indexOf(undefined), [undefined].indexOf(undefined))
const obj = {}
console.log([{}, obj].indexOf(obj), [obj].includes({}))
// array-likes and strings
console.log(Array.prototype.indexOf.call({ length: 3, 2: 'x' }, 'x'), Array.prototype.includes.call('abc', 'b'))
console.log(Array.prototype.at.call('xyz', -1), Array.prototype.lastIndexOf.call({ length: 2, 0: 7, 1: 7 }, 7))
// holes read through the prototype
Array.prototype[1] = 'inherited'
console.log([0, , 2].indexOf('inherited'), [0, , 2].includes('inherited'), [0, , 2].at(1))
delete Array.prototype[1]
// a getter that changes the array while it is searched
const g = [1, 2, 3]
Object.defineProperty(g, 1, { get() { g.length = 0; return 2 } })
console.log(g.indexOf(3), g.length)
try { Array.prototype.indexOf.call(null, 1) } catch (e) { console.log(e.message) }
try { Array.prototype.includes.call(undefined, 1) } catch (e) { console.log(e.message) }
try { Array.prototype.at.call(null, 1) } catch (e) { console.log(e.message) }
try { [1].indexOf(1, Symbol()) } catch (e) { console.log(e.message) }
console.log(Array.prototype.indexOf.length, Array.prototype.lastIndexOf.length, Array.prototype.includes.length, Array.prototype.at.length)

// expect: 1 1 undefined undefined 2 2 1 1
// expect: 1 3 3 -1 -1 0
// expect: 3 1 1 -1 4
// expect: 0 4 -1 -1
// expect: true false true false false -1
// expect: -1 -1 true
// expect: 0 true 0
// expect: -1 true -1
// expect: -1 -1 0
// expect: 1 false
// expect: 2 true
// expect: z 1
// expect: 1 true inherited
// expect: -1 0
// expect: Array.prototype.indexOf called on null or undefined
// expect: Cannot convert undefined or null to object
// expect: Cannot convert undefined or null to object
// expect: Cannot convert a Symbol value to a number
// expect: 1 1 1 1
