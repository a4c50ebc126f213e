// Number(), new Number, the constants and the predicates of the Number constructor.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(Number(), Number('42'), Number(' 0x1f '), Number('1e3'), Number(''), Number('12px'), Number(null))
// expect: 0 42 31 1000 0 NaN 0
console.log(Number(undefined), Number(true), Number([5]), Number([1, 2]), Number({}), Number('-0'), Number('Infinity'))
// expect: NaN 1 5 NaN NaN -0 Infinity
console.log(Number('0b101'), Number('0o17'), Number('  \n 7 \t'), Number('1_000'), Number('.5'), Number('5.'))
// expect: 5 15 7 NaN 0.5 5
console.log(t(() => Number(Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a number
const n = new Number(3)
console.log(typeof n, n + 1, n instanceof Number, n.valueOf(), Object.prototype.toString.call(n))
// expect: object 4 true 3 [object Number]
class N extends Number { twice() { return this * 2 } }
console.log(new N(21).twice(), new N('4') instanceof N, Number.length, Number.name)
// expect: 42 true 1 Number
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON, Number.MAX_VALUE, Number.MIN_VALUE)
// expect: 9007199254740991 -9007199254740991 2.220446049250313e-16 1.7976931348623157e+308 5e-324
console.log(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.EPSILON === 2 ** -52)
// expect: NaN Infinity -Infinity true
const d = Object.getOwnPropertyDescriptor(Number, 'MAX_VALUE')
console.log(d.writable, d.enumerable, d.configurable) // expect: false false false
console.log(Number.isInteger(5), Number.isInteger(5.5), Number.isInteger('5'), Number.isInteger(-0), Number.isInteger(Infinity))
// expect: true false false true false
console.log(Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53), Number.isSafeInteger(3.0), Number.isSafeInteger(NaN))
// expect: true false true false
console.log(Number.isFinite(1), Number.isFinite('1'), Number.isFinite(Infinity), Number.isFinite(NaN))
// expect: true false false false
console.log(Number.isNaN(NaN), Number.isNaN('NaN'), Number.isNaN(undefined), Number.isNaN(0 / 0))
// expect: true false false true
console.log(isNaN('NaN'), isNaN(undefined), isNaN('12'), isNaN({}), isFinite('12'), isFinite('x'), isFinite(null))
// expect: true true false true true false true
console.log(t(() => isNaN(Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a number
console.log(Number.parseInt === parseInt, Number.parseFloat === parseFloat, parseInt.length, parseFloat.name)
// expect: true true 2 parseFloat
console.log(Object.getOwnPropertyNames(Number).join())
// expect: length,name,prototype,isFinite,isInteger,isNaN,isSafeInteger,parseFloat,parseInt,MAX_VALUE,MIN_VALUE,NaN,NEGATIVE_INFINITY,POSITIVE_INFINITY,MAX_SAFE_INTEGER,MIN_SAFE_INTEGER,EPSILON
console.log(Object.getOwnPropertyNames(Number.prototype).join())
// expect: constructor,toExponential,toFixed,toPrecision,toString,valueOf,toLocaleString
