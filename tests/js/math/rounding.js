// round, floor, ceil, trunc, sign, fround, abs: signed zeros, halves, NaN, coercion.
const show = (...xs) => console.log(xs.map((x) => (Object.is(x, -0) ? '-0' : '' + x)).join(' '))
show(Math.round(2.5), Math.round(-2.5), Math.round(0.5), Math.round(-0.5), Math.round(1.4999999999999998), Math.round(0.49999999999999994))
show(Math.round(-0.4), Math.round(-0), Math.round(0), Math.round(-0.50000000001), Math.round(3.7), Math.round(-3.7))
show(Math.round(2 ** 52 + 1), Math.round(-(2 ** 52) - 1), Math.round(4503599627370495.5), Math.round(-4503599627370495.5))
show(Math.round(NaN), Math.round(Infinity), Math.round(-Infinity), Math.round('2.5'), Math.round(null), Math.round(), Math.round([7.5]))
show(Math.floor(-0.5), Math.floor(0.5), Math.floor(-0), Math.floor(-1.5), Math.floor(1e300), Math.floor(NaN))
show(Math.ceil(-0.5), Math.ceil(0.5), Math.ceil(-0), Math.ceil(-1.5), Math.ceil(1.000001), Math.ceil(-Infinity))
show(Math.trunc(-0.9), Math.trunc(0.9), Math.trunc(-1.9), Math.trunc(1e21 + 0.5), Math.trunc('-7.8'), Math.trunc(undefined))
show(Math.sign(-3), Math.sign(3), Math.sign(-0), Math.sign(0), Math.sign(NaN), Math.sign('-2'), Math.sign(-Infinity))
show(Math.abs(-3), Math.abs(-0), Math.abs('-1.5'), Math.abs(null), Math.abs([]), Math.abs({}), Math.abs(-Infinity))
show(Math.fround(5.5), Math.fround(5.05), Math.fround(1e40), Math.fround(-0), Math.fround(2 ** -150), Math.fround(1.0000001))
show(Math.fround(0.1), Math.fround(16777217), Math.fround(NaN), Math.fround(3.4028235677973366e38), Math.fround(3.4028236e38))
// arguments are converted with ToNumber (valueOf runs once)
let calls = 0
const v = { valueOf() { calls++; return 4.5 } }
show(Math.round(v), Math.floor(v), calls)
try { Math.round(Symbol()) } catch (e) { console.log(e.constructor.name + ': ' + e.message) }

// expect: 3 -2 1 -0 1 0
// expect: -0 -0 0 -1 4 -4
// expect: 4503599627370497 -4503599627370497 4503599627370496 -4503599627370495
// expect: NaN Infinity -Infinity 3 0 NaN 8
// expect: -1 0 -0 -2 1e+300 NaN
// expect: -0 1 -0 -1 2 -Infinity
// expect: -0 0 -1 1e+21 -7 NaN
// expect: -1 1 -0 0 NaN -1 -1
// expect: 3 0 1.5 0 0 NaN Infinity
// expect: 5.5 5.050000190734863 Infinity -0 0 1.0000001192092896
// expect: 0.10000000149011612 16777216 NaN Infinity Infinity
// expect: 5 4 2
// expect: TypeError: Cannot convert a Symbol value to a number
