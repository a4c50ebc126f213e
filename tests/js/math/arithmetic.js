// pow and **, sqrt, cbrt, hypot, imul, clz32, and exactly representable results.
const show = (...xs) => console.log(xs.map((x) => (Object.is(x, -0) ? '-0' : '' + x)).join(' '))
// Number::exponentiate edge cases
show(Math.pow(2, 10), Math.pow(2, -1), Math.pow(2, 0.5) === Math.SQRT2, Math.pow(4, 0.5), Math.pow(-8, 1 / 3), (-8) ** (1 / 3))
show(Math.pow(1, Infinity), Math.pow(-1, Infinity), Math.pow(1, -Infinity), Math.pow(1, NaN), 1 ** NaN, Math.pow(NaN, 0), NaN ** -0)
show(Math.pow(0, -1), Math.pow(-0, -1), Math.pow(-0, -2), Math.pow(-0, 3), Math.pow(-0, 2), Math.pow(0, 0), Math.pow(-0, 0.5))
show(Math.pow(Infinity, -1), Math.pow(-Infinity, 3), Math.pow(-Infinity, 2), Math.pow(-Infinity, -3), Math.pow(-Infinity, -2))
show(Math.pow(0.5, Infinity), Math.pow(0.5, -Infinity), Math.pow(2, Infinity), Math.pow(2, -Infinity), Math.pow(-2, 0.5))
show(Math.pow(10, 21), Math.pow(10, -7), Math.pow(2, 53), 2 ** 1023 * 2, Math.pow(-2, 3), Math.pow('3', '2'), Math.pow())
show(Math.sqrt(4), Math.sqrt(2), Math.sqrt(-1), Math.sqrt(-0), Math.sqrt(Infinity), Math.sqrt(0.25))
show(Math.cbrt(27), Math.cbrt(-8), Math.cbrt(-0), Math.cbrt(1e-300), Math.cbrt(Infinity), Math.cbrt(2))
let cubes = 0
for (let i = 1; i < 2000; i++) if (Math.cbrt(i * i * i) === i) cubes++
show(cubes)
// hypot
show(Math.hypot(), Math.hypot(3, 4), Math.hypot(3, 4, 12), Math.hypot(-3), Math.hypot(NaN, Infinity), Math.hypot(NaN, 1))
show(Math.hypot(-0), Math.hypot(-0, -0), Math.hypot(1e200, 1e200), Math.hypot(1e-200, 1e-200), Math.hypot('3', [4]))
show(Math.hypot(0.1, 0.2), Math.hypot(1, 1, 1, 1), Math.hypot(1e308, 1e308))
// imul and clz32 (ToUint32 / ToInt32)
show(Math.imul(2, 3), Math.imul(-1, 8), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 2), Math.imul(1e10, 1e10), Math.imul())
show(Math.imul(3.9, 2.9), Math.imul('4', '5'), Math.imul(-0, 1), Math.imul(2 ** 32 + 3, 2))
show(Math.clz32(0), Math.clz32(1), Math.clz32(-1), Math.clz32(0x80000000), Math.clz32(0.5), Math.clz32(2 ** 32), Math.clz32(), Math.clz32('255'))

// expect: 1024 0.5 true 2 NaN NaN
// expect: NaN NaN NaN NaN NaN 1 1
// expect: Infinity -Infinity Infinity -0 0 1 0
// expect: 0 -Infinity Infinity -0 0
// expect: 0 Infinity Infinity 0 NaN
// expect: 1e+21 1e-7 9007199254740992 Infinity -8 9 NaN
// expect: 2 1.4142135623730951 NaN -0 Infinity 0.5
// expect: 3 -2 -0 1e-100 Infinity 1.2599210498948732
// expect: 1999
// expect: 0 5 13 3 Infinity NaN
// expect: 0 0 1.414213562373095e+200 1.414213562373095e-200 5
// expect: 0.223606797749979 2 1.4142135623730951e+308
// expect: 6 -8 -5 -2 1661992960 0
// expect: 6 20 0 6
// expect: 32 31 0 0 32 32 32 24
