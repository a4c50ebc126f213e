// Operators: arithmetic, bitwise, comparison, logical, nullish, optional chaining,
// logical assignment, increments, typeof/void/delete/in/instanceof, comma.
let i = 5
console.log(i++, i, ++i, i--, --i)
console.log(7 & 3, 7 | 8, 7 ^ 2, ~5, 1 << 4, -16 >> 2, -16 >>> 28, 2 ** 3 ** 2)
console.log(1 < 2, '10' < '9', 10 < 9, null == undefined, null === undefined, NaN == NaN, '1' == 1, 0 == '')
console.log(0 || 'a', 1 && 'b', null ?? 'c', 0 ?? 'd', '' || null)
const o = { a: { b: null }, f() { return 'called' } }
console.log(o?.a?.b?.c, o.x?.y.z, o.f?.(), o.g?.(), o?.['a'])
let la = null, lb = 1, lc = 0
la ??= 'set'; lb ||= 'not set'; lc &&= 'not set'
console.log(la, lb, lc)
const obj = { n: 0 }
obj.n += 5; obj.n *= 2; obj['n'] -= 1; obj.n **= 2
console.log(obj.n)
obj.m ??= 'm'
obj.m ||= 'nope'
console.log(obj)
console.log(typeof null, void 0, 'a' in { a: 1 }, [] instanceof Array, (1, 2, 3))
const arr = [1, 2]
arr[0]++
++arr[1]
console.log(arr)
console.log(-'3', +'', +[], +{}, '5' - 2, '5' + 2, [] + [], [] + {}, true + 1)
console.log(1 / 3 * 3 === 1, 0.1 * 3, 100 % 7, -0 === 0, Object.is(-0, 0))
let s = 'a'
s += 'b'
s += 1
console.log(s)
console.log((() => { let q = 1; q = q++ + ++q; return q })())

// expect: 5 6 7 7 5
// expect: 3 15 5 -6 16 -4 15 512
// expect: true true false true false false true true
// expect: a b c 0 null
// expect: undefined undefined called undefined { b: null }
// expect: set 1 0
// expect: 81
// expect: { n: 81, m: 'm' }
// expect: object undefined true true 3
// expect: [ 2, 3 ]
// expect: -3 0 0 NaN 3 52  [object Object] 2
// expect: true 0.30000000000000004 2 true false
// expect: ab1
// expect: 4
