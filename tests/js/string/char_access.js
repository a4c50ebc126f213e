// length in UTF-16 code units; charAt, charCodeAt, codePointAt, at, index access.
const s = 'h\u00e9llo \ud83d\ude00!'
console.log(s.length, s[1], s[6] === '\ud83d', s.at(-1), s.at(-3) === '\ud83d')
// expect: 9 é true ! true
console.log(s.charAt(0), s.charAt(100) === '', s.charAt(-1) === '', s.charAt(1.9), s.charAt())
// expect: h true true é h
console.log(s.charCodeAt(1), s.charCodeAt(6), s.charCodeAt(7), s.charCodeAt(99), s.charCodeAt(-1))
// expect: 233 55357 56832 NaN NaN
console.log(s.codePointAt(6), s.codePointAt(7), s.codePointAt(99), s.codePointAt(0))
// expect: 128512 56832 undefined 104
console.log('\ud800x'.codePointAt(0), 'x\udc00'.codePointAt(1), '\ud800'.codePointAt(0))
// expect: 55296 56320 55296
console.log('abc'.at(0), 'abc'.at(-4), 'abc'.at(3), 'abc'.at(1.7), 'abc'.at('2'), 'abc'.at(NaN))
// expect: a undefined undefined b c a
console.log('abc'.charAt('1'), 'abc'.charAt(NaN), 'abc'.charAt(Infinity) === '') // expect: b a true
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(t(() => String.prototype.charAt.call(null, 0)))
// expect: TypeError: String.prototype.charAt called on null or undefined
console.log(t(() => String.prototype.at.call(undefined)))
// expect: TypeError: String.prototype.at called on null or undefined
console.log(t(() => String.prototype.codePointAt.call(null)))
// expect: TypeError: String.prototype.codePointAt called on null or undefined
console.log(String.prototype.charAt.call(12345, 2), String.prototype.at.call(true, -1))
// expect: 3 e
console.log(''.length, '\0'.length, '\u{1F600}'.length, [...'a\u{1F600}b'].length)
// expect: 0 1 2 3
