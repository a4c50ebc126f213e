// Number and string primitives print exactly as node prints them.
console.log(1, -0, 0.1 + 0.2, 1e21, 1 / 3, -1e-7, 2 ** 53, NaN, Infinity, -Infinity)
console.log('a' + 1, 1 + '2', '3' * '4', 10 / 4, 7 % 3, -7 % 3, 2 ** 10)
console.log(typeof 1, typeof 'x', typeof undefined, typeof null, typeof {}, typeof [], typeof (() => 1))
console.log('multi\nline')
console.log(['quote\'s', "dq\"", 'tab\t'])
console.log(true, false, null, undefined)
console.log(0x1f, 0o17, 0b101, 1_000_000, .5, 5., 0.000001, 1e-7)
console.log(5 / 0, -5 / 0, 0 / 0, (0.1).toString === undefined)

// expect: 1 -0 0.30000000000000004 1e+21 0.3333333333333333 -1e-7 9007199254740992 NaN Infinity -Infinity
// expect: a1 12 12 2.5 1 -1 1024
// expect: number string undefined object object object function
// expect: multi
// expect: line
// expect: [ "quote's", 'dq"', 'tab\t' ]
// expect: true false null undefined
// expect: 31 15 5 1000000 0.5 5 0.000001 1e-7
// expect: Infinity -Infinity NaN false
