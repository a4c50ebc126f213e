// Arrays of more than six short items are laid out in columns (groupArrayElements):
// numbers right-aligned, anything else left-aligned, at most 16 per row.
console.log(Array.from({ length: 7 }, (_, i) => i))
// expect: [
// expect:   0, 1, 2, 3,
// expect:   4, 5, 6
// expect: ]
console.log(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i)))
// expect: [
// expect:   'a', 'b', 'c', 'd', 'e', 'f',
// expect:   'g', 'h', 'i', 'j', 'k', 'l',
// expect:   'm', 'n', 'o', 'p', 'q', 'r',
// expect:   's', 't', 'u', 'v', 'w', 'x',
// expect:   'y', 'z'
// expect: ]
console.log(Array.from({ length: 30 }, (_, i) => i * i * i))
// expect: [
// expect:       0,     1,     8,    27,    64,
// expect:     125,   216,   343,   512,   729,
// expect:    1000,  1331,  1728,  2197,  2744,
// expect:    3375,  4096,  4913,  5832,  6859,
// expect:    8000,  9261, 10648, 12167, 13824,
// expect:   15625, 17576, 19683, 21952, 24389
// expect: ]
console.log(Array.from({ length: 120 }, (_, i) => i * 1000))
// expect: [
// expect:       0,  1000,  2000,  3000,  4000,  5000,  6000,  7000,
// expect:    8000,  9000, 10000, 11000, 12000, 13000, 14000, 15000,
// expect:   16000, 17000, 18000, 19000, 20000, 21000, 22000, 23000,
// expect:   24000, 25000, 26000, 27000, 28000, 29000, 30000, 31000,
// expect:   32000, 33000, 34000, 35000, 36000, 37000, 38000, 39000,
// expect:   40000, 41000, 42000, 43000, 44000, 45000, 46000, 47000,
// expect:   48000, 49000, 50000, 51000, 52000, 53000, 54000, 55000,
// expect:   56000, 57000, 58000, 59000, 60000, 61000, 62000, 63000,
// expect:   64000, 65000, 66000, 67000, 68000, 69000, 70000, 71000,
// expect:   72000, 73000, 74000, 75000, 76000, 77000, 78000, 79000,
// expect:   80000, 81000, 82000, 83000, 84000, 85000, 86000, 87000,
// expect:   88000, 89000, 90000, 91000, 92000, 93000, 94000, 95000,
// expect:   96000, 97000, 98000, 99000,
// expect:   ... 20 more items
// expect: ]
console.log(Array.from({ length: 12 }, (_, i) => 'item' + i))
// expect: [
// expect:   'item0',  'item1',
// expect:   'item2',  'item3',
// expect:   'item4',  'item5',
// expect:   'item6',  'item7',
// expect:   'item8',  'item9',
// expect:   'item10', 'item11'
// expect: ]
console.log(Array.from({ length: 10 }, (_, i) => (i % 2 ? 'x' : i)))
// expect: [
// expect:   0,   'x', 2,   'x', 4,
// expect:   'x', 6,   'x', 8,   'x'
// expect: ]
console.log([1.1, 2.22, 3.333, 4.4444, 5.55555, 6.666666, 7.7777777, -8, NaN, Infinity])
// expect: [
// expect:         1.1,     2.22,
// expect:       3.333,   4.4444,
// expect:     5.55555, 6.666666,
// expect:   7.7777777,       -8,
// expect:         NaN, Infinity
// expect: ]
console.log([true, false, null, undefined, true, false, null, undefined])
// expect: [
// expect:   true, false,
// expect:   null, undefined,
// expect:   true, false,
// expect:   null, undefined
// expect: ]
console.log([, , 1, , 2, 3, 4, 5, 6, 7, , , ])
// expect: [
// expect:   <2 empty items>,
// expect:   1,
// expect:   <1 empty item>,
// expect:   2,
// expect:   3,
// expect:   4,
// expect:   5,
// expect:   6,
// expect:   7,
// expect:   <2 empty items>
// expect: ]
console.log(['a', 'bb', 'ccc', 'dddddddddddddddddddddddddddddddddddddddd', 'e', 'f', 'g'])
// expect: [
// expect:   'a',
// expect:   'bb',
// expect:   'ccc',
// expect:   'dddddddddddddddddddddddddddddddddddddddd',
// expect:   'e',
// expect:   'f',
// expect:   'g'
// expect: ]
console.log(Array.from({ length: 7 }, () => 'x'.repeat(16)))
// expect: [
// expect:   'xxxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxx'
// expect: ]
console.log(Array.from({ length: 50 }, (_, i) => (i % 7 === 0 ? 'longer string here' : i)))
// expect: [
// expect:   'longer string here', 1,                    2,
// expect:   3,                    4,                    5,
// expect:   6,                    'longer string here', 8,
// expect:   9,                    10,                   11,
// expect:   12,                   13,                   'longer string here',
// expect:   15,                   16,                   17,
// expect:   18,                   19,                   20,
// expect:   'longer string here', 22,                   23,
// expect:   24,                   25,                   26,
// expect:   27,                   'longer string here', 29,
// expect:   30,                   31,                   32,
// expect:   33,                   34,                   'longer string here',
// expect:   36,                   37,                   38,
// expect:   39,                   40,                   41,
// expect:   'longer string here', 43,                   44,
// expect:   45,                   46,                   47,
// expect:   48,                   'longer string here'
// expect: ]
console.log({ nested: Array.from({ length: 40 }, (_, i) => i) })
// expect: {
// expect:   nested: [
// expect:      0,  1,  2,  3,  4,  5,  6,  7,  8,  9,
// expect:     10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
// expect:     20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
// expect:     30, 31, 32, 33, 34, 35, 36, 37, 38, 39
// expect:   ]
// expect: }
console.log([Array.from({ length: 25 }, (_, i) => i + 1)])
// expect: [
// expect:   [
// expect:      1,  2,  3,  4,  5,  6,  7,  8,
// expect:      9, 10, 11, 12, 13, 14, 15, 16,
// expect:     17, 18, 19, 20, 21, 22, 23, 24,
// expect:     25
// expect:   ]
// expect: ]
console.log(Array.from({ length: 12 }, (_, i) => ({ i })))
// expect: [
// expect:   { i: 0 },  { i: 1 },
// expect:   { i: 2 },  { i: 3 },
// expect:   { i: 4 },  { i: 5 },
// expect:   { i: 6 },  { i: 7 },
// expect:   { i: 8 },  { i: 9 },
// expect:   { i: 10 }, { i: 11 }
// expect: ]
console.log(Array.from({ length: 8 }, (_, i) => [i, i]))
// expect: [
// expect:   [ 0, 0 ], [ 1, 1 ],
// expect:   [ 2, 2 ], [ 3, 3 ],
// expect:   [ 4, 4 ], [ 5, 5 ],
// expect:   [ 6, 6 ], [ 7, 7 ]
// expect: ]
console.log(['中文', '日本語', '한국어', 'abc', 'de', 'f', 'ghij', 'k'])
// expect: [
// expect:   '中文',   '日本語',
// expect:   '한국어', 'abc',
// expect:   'de',     'f',
// expect:   'ghij',   'k'
// expect: ]
console.log(['😀', '😁', '😂', '🤣', '😃', '😄', '😅', '😆'])
// expect: [
// expect:   '😀', '😁', '😂',
// expect:   '🤣', '😃', '😄',
// expect:   '😅', '😆'
// expect: ]
const keyed = Array.from({ length: 99 }, (_, i) => i); keyed.p1 = 1; keyed.p2 = 2
console.log(keyed)
// expect: [
// expect:   0,     1,  2,  3,  4,  5,  6,  7,  8,  9,  10,
// expect:   11,    12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
// expect:   22,    23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
// expect:   33,    34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
// expect:   44,    45, 46, 47, 48, 49, 50, 51, 52, 53, 54,
// expect:   55,    56, 57, 58, 59, 60, 61, 62, 63, 64, 65,
// expect:   66,    67, 68, 69, 70, 71, 72, 73, 74, 75, 76,
// expect:   77,    78, 79, 80, 81, 82, 83, 84, 85, 86, 87,
// expect:   88,    89, 90, 91, 92, 93, 94, 95, 96, 97, 98,
// expect:   p1: 1,
// expect:   p2: 2
// expect: ]
