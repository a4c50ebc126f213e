// The transcendental functions at points with exact or well-known results, and their
// special values. (General values are printed to 12 decimals here; fdlibm_last_bit.js
// checks every bit.)
const show = (...xs) => console.log(xs.map((x) => (Object.is(x, -0) ? '-0' : '' + x)).join(' '))
const f12 = (...xs) => console.log(xs.map((x) => x.toFixed(12)).join(' '))
show(Math.sin(0), Math.sin(-0), Math.cos(0), Math.tan(0), Math.tan(-0), Math.atan(Infinity), Math.atan(-Infinity))
show(Math.exp(0), Math.exp(-Infinity), Math.exp(Infinity), Math.expm1(0), Math.expm1(-0), Math.expm1(-Infinity))
show(Math.log(1), Math.log(0), Math.log(-0), Math.log(-1), Math.log(Infinity), Math.log10(1000), Math.log10(1e-5), Math.log2(8), Math.log2(1024), Math.log2(0.125))
show(Math.log1p(0), Math.log1p(-0), Math.log1p(-1), Math.log1p(-2))
show(Math.asin(0), Math.asin(-0), Math.asin(2), Math.acos(1), Math.acos(2), Math.atan(0), Math.atan(-0))
show(Math.sinh(0), Math.sinh(-0), Math.cosh(0), Math.tanh(0), Math.tanh(-0), Math.tanh(Infinity), Math.tanh(-Infinity))
show(Math.asinh(0), Math.asinh(-0), Math.acosh(1), Math.acosh(0), Math.atanh(0), Math.atanh(-0), Math.atanh(1), Math.atanh(-1), Math.atanh(2))
show(Math.sinh(Infinity), Math.cosh(-Infinity), Math.asinh(-Infinity), Math.acosh(Infinity))
show(Math.sin(Infinity), Math.cos(NaN), Math.tan(-Infinity), Math.exp(NaN), Math.log(NaN))
show(Math.atan2(0, 0), Math.atan2(-0, 0), Math.atan2(0, -0), Math.atan2(-0, -0), Math.atan2(1, 0), Math.atan2(0, -1), Math.atan2(-0, -1))
show(Math.atan2(Infinity, Infinity) === Math.PI / 4, Math.atan2(-Infinity, -Infinity) === -3 * Math.PI / 4, Math.atan2(1, Infinity), Math.atan2(-1, Infinity), Math.atan2(1, -Infinity) === Math.PI)
show(Math.atan2(1, 1) === Math.PI / 4, Math.acos(-1) === Math.PI, Math.asin(1) === Math.PI / 2, Math.atan(1) === Math.PI / 4)
show(Math.exp(1) === Math.E, Math.log(Math.E), Math.log(2) === Math.LN2, Math.log(10) === Math.LN10, Math.log2(Math.E) === Math.LOG2E)
f12(Math.sin(1), Math.cos(1), Math.tan(1), Math.sin(Math.PI), Math.cos(Math.PI / 3), Math.sin(100))
f12(Math.exp(2), Math.exp(-3.5), Math.expm1(1e-5), Math.log(3), Math.log10(2), Math.log2(3), Math.log1p(1e-5))
f12(Math.sinh(1), Math.cosh(1), Math.tanh(0.5), Math.asinh(1), Math.acosh(2), Math.atanh(0.5))
f12(Math.asin(0.5), Math.acos(0.5), Math.atan(2), Math.atan2(3, -4), Math.cbrt(10))
console.log(Math.pow(1.1, 100).toFixed(6), (1.1 ** 100).toFixed(6))
show(Math.sin('0'), Math.cos(null), Math.exp([]), Math.log('x'))

// expect: 0 -0 1 0 -0 1.5707963267948966 -1.5707963267948966
// expect: 1 0 Infinity 0 -0 -1
// expect: 0 -Infinity -Infinity NaN Infinity 3 -5 3 10 -3
// expect: 0 -0 -Infinity NaN
// expect: 0 -0 NaN 0 NaN 0 -0
// expect: 0 -0 1 0 -0 1 -1
// expect: 0 -0 0 NaN 0 -0 Infinity -Infinity NaN
// expect: Infinity Infinity -Infinity Infinity
// expect: NaN NaN NaN NaN NaN
// expect: 0 -0 3.141592653589793 -3.141592653589793 1.5707963267948966 3.141592653589793 -3.141592653589793
// expect: true true 0 -0 true
// expect: true true true true
// expect: true 1 true true true
// expect: 0.841470984808 0.540302305868 1.557407724655 0.000000000000 0.500000000000 -0.506365641110
// expect: 7.389056098931 0.030197383422 0.000010000050 1.098612288668 0.301029995664 1.584962500721 0.000009999950
// expect: 1.175201193644 1.543080634815 0.462117157260 0.881373587020 1.316957896925 0.549306144334
// expect: 0.523598775598 1.047197551197 1.107148717794 2.498091544797 2.154434690032
// expect: 13780.612340 13780.612340
// expect: 0 1 1 NaN
