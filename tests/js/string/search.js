// indexOf, lastIndexOf, includes, startsWith, endsWith: positions, clamping, empty needles.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
const s = 'abcabc'
console.log(s.indexOf('b'), s.indexOf('b', 2), s.indexOf('b', -5), s.indexOf('x'), s.indexOf(''))
// expect: 1 4 1 -1 0
console.log(s.indexOf('', 3), s.indexOf('', 10), s.indexOf('c', Infinity), s.indexOf(), 'undefined'.indexOf())
// expect: 3 6 -1 -1 0
console.log(s.lastIndexOf('b'), s.lastIndexOf('b', 3), s.lastIndexOf('b', 0), s.lastIndexOf('a', -5))
// expect: 4 1 -1 0
console.log(s.lastIndexOf(''), s.lastIndexOf('', 2), s.lastIndexOf('c', NaN), s.lastIndexOf('abc', 2))
// expect: 6 2 5 0
console.log(s.includes('ca'), s.includes('ca', 3), s.includes(''), s.includes('abcabcd'))
// expect: true false true false
console.log(s.startsWith('abc'), s.startsWith('bc'), s.startsWith('bc', 1), s.startsWith('', 99))
// expect: true false true true
console.log(s.endsWith('bc'), s.endsWith('ab', 4), s.endsWith('abc', 3), s.endsWith('a', -1))
// expect: true false true false
console.log(s.endsWith(''), s.startsWith('a', -10), s.endsWith('c', 100)) // expect: true true true
console.log('a1b'.includes(1), 'null'.startsWith(null), 'xundefined'.endsWith(undefined))
// expect: true true true
console.log(t(() => s.startsWith({ [Symbol.match]: true })))
// expect: TypeError: First argument to String.prototype.startsWith must not be a regular expression
console.log(t(() => s.includes({ [Symbol.match]: 1, toString() { return 'a' } })))
// expect: TypeError: First argument to String.prototype.includes must not be a regular expression
console.log(t(() => s.endsWith({ [Symbol.match]: false, toString() { return 'c' } })))
// expect: true
console.log(t(() => String.prototype.includes.call(undefined, 'a')))
// expect: TypeError: String.prototype.includes called on null or undefined
console.log(t(() => s.indexOf(Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a string
console.log(t(() => String.prototype.lastIndexOf.call(null)))
// expect: TypeError: String.prototype.lastIndexOf called on null or undefined
console.log('\ud83d\ude00x\ud83d\ude00'.indexOf('\ude00'), '\ud83d\ude00x\ud83d\ude00'.lastIndexOf('\ud83d'))
// expect: 1 3
const order = []
const pos = { valueOf() { order.push('pos'); return 1 } }
const needle = { toString() { order.push('needle'); return 'b' } }
console.log('abc'.indexOf(needle, pos), order.join()) // expect: 1 needle,pos
