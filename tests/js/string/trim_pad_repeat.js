// trim, trimStart/trimEnd (and their trimLeft/trimRight aliases), padStart, padEnd, repeat.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
const ws = ' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'
console.log('[' + (ws + 'x y' + ws).trim() + ']', (ws + 'x').trim().length, ws.trim() === '')
// expect: [x y] 1 true
console.log('[' + '  a  '.trimStart() + ']', '[' + '  a  '.trimEnd() + ']', '\u200bx'.trim().length)
// expect: [a  ] [  a] 2
console.log(String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight.name)
// expect: true trimEnd
console.log(String.prototype.trimLeft.name, String.prototype.trimEnd === String.prototype.trimRight)
// expect: trimStart true
console.log('abc'.padStart(6), '|' + 'abc'.padEnd(6) + '|', 'abc'.padStart(10, '12345678'))
// expect:    abc |abc   | 1234567abc
console.log('abc'.padEnd(8, 'xy'), 'abc'.padStart(2, 'z'), 'abc'.padStart(6, ''), 'abc'.padEnd(-1))
// expect: abcxyxyx abc abc abc
console.log('5'.padStart(3, 0), 'x'.padEnd(4, null), 'ab'.padStart(5.9, '-'), 'ab'.padEnd(NaN, '-'))
// expect: 005 xnul ---ab ab
console.log(t(() => 'x'.padStart(2 ** 31))) // expect: RangeError: Invalid string length
console.log(t(() => String.prototype.padEnd.call(null, 3)))
// expect: TypeError: String.prototype.padEnd called on null or undefined
console.log('ab'.repeat(3), 'x'.repeat(0) === '', ''.repeat(5) === '', 'a'.repeat(2.9), 'a'.repeat('3'))
// expect: ababab true true aa aaa
console.log('a'.repeat(-0.5) === '', 'ab'.repeat(NaN) === '', ''.repeat(2 ** 40) === '')
// expect: true true true
console.log(t(() => 'a'.repeat(-1))) // expect: RangeError: Invalid count value: -1
console.log(t(() => 'a'.repeat(-1.5))) // expect: RangeError: Invalid count value: -1.5
console.log(t(() => 'a'.repeat('-2'))) // expect: RangeError: Invalid count value: -2
console.log(t(() => 'a'.repeat(Infinity))) // expect: RangeError: Invalid count value: Infinity
console.log(t(() => 'a'.repeat(-Infinity))) // expect: RangeError: Invalid count value: -Infinity
console.log(t(() => ''.repeat(-1))) // expect: RangeError: Invalid count value: -1
console.log(t(() => ''.repeat(Infinity))) // expect: RangeError: Invalid count value: Infinity
console.log(t(() => 'ab'.repeat(2 ** 28))) // expect: RangeError: Invalid string length
console.log(t(() => String.prototype.trim.call(null)))
// expect: TypeError: String.prototype.trim called on null or undefined
console.log(t(() => String.prototype.repeat.call(undefined, 1)))
// expect: TypeError: String.prototype.repeat called on null or undefined
