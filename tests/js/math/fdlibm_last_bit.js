// The last bit of the elementary functions: node computes them with fdlibm's algorithms
// (tracer/mathlib), and each value below is one where the C library's correctly rounded
// answer differs from node's in the last digit. Shortest round-trip printing shows every bit.
console.log('sin', Math.sin(189 * 0.37), Math.sin(215 * 0.37))
console.log('cos', Math.cos(7 * 0.37), Math.cos(9 * 0.37))
console.log('tan', Math.tan(14 * 0.37), Math.tan(27 * 0.37))
console.log('asin', Math.asin(697 / 3001), Math.asin(723 / 3001))
console.log('acos', Math.acos(61 / 3001), Math.acos(132 / 3001))
console.log('atan', Math.atan(12 * 0.37), Math.atan(27 * 0.37))
console.log('atan2', Math.atan2(1 * 0.37, 3), Math.atan2(6 * 0.37, 3))
console.log('exp', Math.exp(70 * 0.37 / 100), Math.exp(81 * 0.37 / 100))
console.log('expm1', Math.expm1(99 * 0.37 / 100))
console.log('log', Math.log(1 * 0.37), Math.log(19 * 0.37))
console.log('log10', Math.log10(926 * 0.37), Math.log10(1976 * 0.37))
console.log('cbrt', Math.cbrt(2 * 0.37), Math.cbrt(7 * 0.37))
console.log('sinh', Math.sinh(99 * 0.37 / 100))
console.log('cosh', Math.cosh(97 * 0.37 / 100), Math.cosh(102 * 0.37 / 100))
console.log('asinh', Math.asinh(47 * 0.37), Math.asinh(122 * 0.37))
console.log('acosh', Math.acosh(1 + 13 * 0.37), Math.acosh(1 + 17 * 0.37))
console.log('atanh', Math.atanh(338 / 3001), Math.atanh(533 / 3001))
console.log('pow', Math.pow(29 * 0.37, 1.37), Math.pow(44 * 0.37, 1.37))
console.log('huge', Math.sin(1e300), Math.cos(1e300), Math.tan(1e22), Math.sin(2 ** 1000), Math.cos(-1.7976931348623157e308))
console.log('near pi/2', Math.cos(Math.PI / 2), Math.sin(Math.PI), Math.tan(Math.PI / 2), Math.sin(1e6 * Math.PI), Math.cos(123456 * Math.PI / 2))
console.log('log2', Math.log2(3), Math.log2(1e-300), Math.log2(0.1), 'log1p', Math.log1p(1e-10), Math.log1p(0.5), 'tanh', Math.tanh(0.3), Math.tanh(-5))
console.log('exp', Math.exp(1), Math.exp(-700), Math.exp(709), Math.exp(-745), Math.exp(-1e-10), Math.expm1(1e-10), Math.expm1(-40))
console.log('pow', 10 ** -5, 10 ** 21, 10 ** 22, 10 ** 23, 1.1 ** 100, 2 ** -1074, 2 ** 0.5, (-8) ** (1 / 3), 0.1 ** 3, 7 ** -3.3)
console.log('cbrt', Math.cbrt(27), Math.cbrt(-64), Math.cbrt(1e-320), Math.cbrt(2), Math.cbrt(100))
console.log('hypot', Math.hypot(3, 4), Math.hypot(0.1, 0.2, 0.3), Math.hypot(1e200, 1e200), Math.hypot(1e-200, 3e-201))

// expect: sin 0.7276992751373665 -0.8469295120109862
// expect: cos -0.8516909814865655 -0.9823037763382316
// expect: tan -1.9803386956216324 0.6342481405408986
// expect: asin 0.2343963806916624 0.24331334484919143
// expect: acos 1.5504683690034264 1.5267967930664819
// expect: atan 1.3492675221781485 1.471028566276309
// expect: atan2 0.12271363369000639 0.6370703292756834
// expect: exp 1.2956338048280482 1.3494539106713028
// expect: expm1 0.44238789412178764
// expect: log -0.994252273343867 1.9501867058225737
// expect: log10 2.534812710748929 2.863988664318604
// expect: cbrt 0.9045041696510275 1.3733036932889315
// expect: sinh 0.3745465562739446
// expect: cosh 1.0650989056647218 1.0720646750376517
// expect: asinh 3.5498681721877556 4.503038621559979
// expect: acosh 2.4452380268398564 2.6749129900551827
// expect: atanh 0.11310902706486113 0.17951113392718163
// expect: pow 25.817941897065708 45.70529630104288
// expect: huge -0.8178819121159085 -0.5753861119575491 -1.628778225606899 -0.15920170308624243 -0.9999876894265599
// expect: near pi/2 6.123233995736766e-17 1.2246467991473532e-16 16331239353195370 -2.231912181360871e-10 1
// expect: log2 1.584962500721156 -996.5784284662087 -3.321928094887362 log1p 9.999999999500001e-11 0.4054651081081644 tanh 0.2913126124515909 -0.9999092042625951
// expect: exp 2.718281828459045 9.85967654375977e-305 8.218407461554972e+307 5e-324 0.9999999999 1.00000000005e-10 -1
// expect: pow 0.000009999999999999999 1e+21 1e+22 1e+23 13780.612339822383 5e-324 1.4142135623730951 NaN 0.0010000000000000002 0.001626209403216461
// expect: cbrt 3 -4 2.1544266950262728e-107 1.2599210498948732 4.641588833612779
// expect: hypot 5 0.37416573867739417 1.414213562373095e+200 1.0440306508910551e-200
