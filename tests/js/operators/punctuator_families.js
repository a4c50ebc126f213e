// Every punctuator of the c / c= / cc / cc= families (lexer.c punct_families), ?. before
// a digit, and the > family.
let a = 5, b = 3, r = []
r.push(a < b, a <= b, a << 1, a + b, a - b, a * b, a ** 2, a / b, a % b, a & b, a | b, a ^ b, a && b, a || b, a ?? b, a?.x, a ? 1 : 2)
let c = 1; c <<= 2; r.push(c); c += 1; r.push(c); c -= 1; r.push(c); c *= 2; r.push(c); c **= 2; r.push(c)
c /= 4; r.push(c); c %= 5; r.push(c); c &= 3; r.push(c); c |= 8; r.push(c); c ^= 1; r.push(c)
let d = null; d ??= 4; d &&= 7; d ||= 9; r.push(d, c++, c--, ++c, --c, a>>1, a>>>1, a>=b, a>b)
let e = 8; e >>= 1; e >>>= 1; r.push(e, .5?.5:1)
console.log(r.join(' '))
// expect: false false 10 8 2 15 25 1.6666666666666667 2 1 7 6 3 5 5  1 4 5 4 8 64 16 1 1 9 8 7 8 9 9 8 2 2 true true 2 0.5
