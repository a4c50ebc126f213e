// slice, substring, substr: negative, swapped, fractional and missing arguments.
const s = 'Hello, world'
console.log(s.slice(7), s.slice(-5), s.slice(-5, -1), s.slice(3, 1) === '', s.slice(), s.slice(NaN, 2))
// expect: world world worl true Hello, world He
console.log(s.slice(0, 100), s.slice(-100, 2), s.slice(2.9, 4.1), s.slice(undefined, 5))
// expect: Hello, world He ll Hello
console.log(s.substring(7), s.substring(5, 0), s.substring(-3, 2), s.substring(2, NaN), s.substring(4, 4) === '')
// expect: world Hello He He true
console.log(s.substring(0, Infinity), s.substring('3', '1'), s.substring(100) === '')
// expect: Hello, world el true
console.log(s.substr(7), s.substr(-5, 3), s.substr(1, 0) === '', s.substr(2, -1) === '', s.substr(-100, 2))
// expect: world wor true true He
console.log(s.substr(NaN, 3), s.substr(3, Infinity), s.substr(5, undefined))
// expect: Hel lo, world , world
console.log(String.prototype.slice.call(123456, 1, 3), String.prototype.substring.call(true, 1))
// expect: 23 rue
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(t(() => String.prototype.slice.call(null)))
// expect: TypeError: String.prototype.slice called on null or undefined
console.log(t(() => String.prototype.substr.call(undefined, 1)))
// expect: TypeError: String.prototype.substr called on null or undefined
console.log(t(() => s.slice(Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a number
console.log('\ud83d\ude00'.slice(0, 1).length, '\ud83d\ude00'.slice(1).charCodeAt(0))
// expect: 1 56832
