// The String constructor, String.fromCharCode, String.fromCodePoint and String.raw.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(String(), String(42), String(null), String(undefined), String(true), String(-0))
// expect:  42 null undefined true 0
console.log(String(Symbol('desc')), String(Symbol()), String(Symbol.iterator))
// expect: Symbol(desc) Symbol() Symbol(Symbol.iterator)
console.log(t(() => new String(Symbol('x'))))
// expect: TypeError: Cannot convert a Symbol value to a string
console.log(t(() => `${Symbol('y')}`))
// expect: TypeError: Cannot convert a Symbol value to a string
console.log(String([1, [2, 3]]), String({}), String({ toString() { return 'custom' } }))
// expect: 1,2,3 [object Object] custom
const w = new String('abc')
console.log(typeof w, w.length, w[1], w + '!', w instanceof String, typeof String('abc'))
// expect: object 3 b abc! true string
console.log(Object.keys(w).join(), JSON.stringify(Object.getOwnPropertyNames(w)))
// expect: 0,1,2 ["0","1","2","length"]
class MyString extends String { shout() { return this.toUpperCase() + '!' } }
const ms = new MyString('hey')
console.log(ms.shout(), ms.length, ms instanceof MyString, ms instanceof String)
// expect: HEY! 3 true true
console.log(String.length, String.name, String.prototype.constructor === String)
// expect: 1 String true
console.log(String.fromCharCode(72, 105), String.fromCharCode(), String.fromCharCode(0x10041, 66.9))
// expect: Hi  AB
console.log(String.fromCharCode(0xd83d, 0xde00).length, String.fromCharCode('65', { valueOf() { return 66 } }))
// expect: 2 AB
console.log(String.fromCodePoint(0x1f600).length, String.fromCodePoint(97, 0x10ffff).codePointAt(1))
// expect: 2 1114111
console.log(t(() => String.fromCodePoint(-1))) // expect: RangeError: Invalid code point -1
console.log(t(() => String.fromCodePoint(1.5))) // expect: RangeError: Invalid code point 1.5
console.log(t(() => String.fromCodePoint(0x110000)))
// expect: RangeError: Invalid code point 1114112
console.log(t(() => String.fromCodePoint('a'))) // expect: RangeError: Invalid code point NaN
console.log(t(() => String.fromCodePoint(Infinity)))
// expect: RangeError: Invalid code point Infinity
console.log(String.raw`a\n${1 + 1}b\t${'c'}`) // expect: a\n2b\tc
console.log(String.raw({ raw: ['x', 'y', 'z'] }, 1, 2, 3), String.raw({ raw: 'abc' }, '-', '+'))
// expect: x1y2z a-b+c
console.log(String.raw({ raw: { length: 0 } }, 1), String.raw({ raw: ['only'] }, 9))
// expect:  only
console.log(t(() => String.raw({ raw: null })))
// expect: TypeError: Cannot convert undefined or null to object
console.log(t(() => String.raw())) // expect: TypeError: Cannot convert undefined or null to object
console.log(String.fromCharCode.length, String.fromCodePoint.length, String.raw.length)
// expect: 1 1 1
