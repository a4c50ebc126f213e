// Number.prototype.toString(radix), toFixed, toExponential, toPrecision, valueOf and
// their RangeErrors and receiver checks.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (3.75).toString(8))
// expect: ff 11111111 -73 0.1 3.6
console.log((0.1 + 0.2).toString(), (1e21).toString(), (-0).toString(), (123.456).toString(10), NaN.toString(2))
// expect: 0.30000000000000004 1e+21 0 123.456 NaN
console.log((255).toString(undefined), (10).toString('16'), (Infinity).toString(16), (1 / 3).toString(3))
// expect: 255 a Infinity 0.1
console.log(t(() => (1).toString(1)))
// expect: RangeError: toString() radix argument must be between 2 and 36
console.log(t(() => (1).toString(37)))
// expect: RangeError: toString() radix argument must be between 2 and 36
console.log(t(() => (1).toString(Infinity)))
// expect: RangeError: toString() radix argument must be between 2 and 36
console.log((1.005).toFixed(2), (1.45).toFixed(1), (0).toFixed(2), (-1.5).toFixed(0), (1e21).toFixed(2), (123.456).toFixed())
// expect: 1.00 1.4 0.00 -2 1e+21 123
console.log((0.000001).toFixed(7), (-0).toFixed(1), NaN.toFixed(2), (2.5).toFixed(0), (1.255).toFixed(2), (1e-10).toFixed(3))
// expect: 0.0000010 0.0 NaN 3 1.25 0.000
console.log(t(() => (1).toFixed(101)))
// expect: RangeError: toFixed() digits argument must be between 0 and 100
console.log(t(() => (1).toFixed(-1)))
// expect: RangeError: toFixed() digits argument must be between 0 and 100
console.log(t(() => NaN.toFixed(Infinity)))
// expect: RangeError: toFixed() digits argument must be between 0 and 100
console.log((123456).toExponential(2), (0.00015).toExponential(), (1).toExponential(0), (-1.5e-7).toExponential(3))
// expect: 1.23e+5 1.5e-4 1e+0 -1.500e-7
console.log(NaN.toExponential(200), Infinity.toExponential(), (0).toExponential(2))
// expect: NaN Infinity 0.00e+0
console.log(t(() => (1).toExponential(101)))
// expect: RangeError: toExponential() argument must be between 0 and 100
console.log(t(() => (1).toExponential(-1)))
// expect: RangeError: toExponential() argument must be between 0 and 100
console.log((123.456).toPrecision(4), (0.000123).toPrecision(2), (123456).toPrecision(2), (1).toPrecision(5), (5).toPrecision())
// expect: 123.5 0.00012 1.2e+5 1.0000 5
console.log((1e21).toPrecision(3), (-0).toPrecision(2), NaN.toPrecision(0))
// expect: 1.00e+21 0.0 NaN
console.log(t(() => (1).toPrecision(0)))
// expect: RangeError: toPrecision() argument must be between 1 and 100
console.log(t(() => (1).toPrecision(101)))
// expect: RangeError: toPrecision() argument must be between 1 and 100
console.log(t(() => Number.prototype.toString.call('x')))
// expect: TypeError: Number.prototype.toString requires that 'this' be a Number
console.log(t(() => Number.prototype.toFixed.call({})))
// expect: TypeError: Number.prototype.toFixed requires that 'this' be a Number
console.log(t(() => Number.prototype.valueOf.call('1')))
// expect: TypeError: Number.prototype.valueOf requires that 'this' be a Number
console.log(t(() => Number.prototype.toPrecision.call(null)))
// expect: TypeError: Number.prototype.toPrecision requires that 'this' be a Number
console.log(t(() => Number.prototype.toExponential.call(true)))
// expect: TypeError: Number.prototype.toExponential requires that 'this' be a Number
console.log(t(() => Number.prototype.toLocaleString.call('x')))
// expect: TypeError: Number.prototype.toLocaleString requires that 'this' be a Number
console.log(Number.prototype.toString.call(new Number(10), 2), Number.prototype.valueOf.call(Number.prototype))
// expect: 1010 0
console.log((25).toString(36).length, 5..toString(), 1.5.toFixed(1), (12).toString(2.9))
// expect: 1 5 1.5 1100
