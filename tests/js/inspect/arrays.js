// Arrays: [ 1, 2 ], [], holes as <n empty items>, extra properties, depth, 100 items.
console.log([1, 2, 3], [], [[]], [[], []], [{}], [[1, [2, [3]]]])
// expect: [ 1, 2, 3 ] [] [ [] ] [ [], [] ] [ {} ] [ [ 1, [ 2, [Array] ] ] ]
console.log([, 1], [1, , ], [, , , ], [1, , , 2, , ], new Array(5))
// expect: [ <1 empty item>, 1 ] [ 1, <1 empty item> ] [ <3 empty items> ] [ 1, <2 empty items>, 2, <1 empty item> ] [ <5 empty items> ]
const extra = [1, 2]; extra.name = 'x'; extra[Symbol('s')] = true; extra['-1'] = 'neg'
console.log(extra)
// expect: [ 1, 2, name: 'x', '-1': 'neg', [Symbol(s)]: true ]
const sparse = []; sparse[10] = 'ten'; sparse.tag = 2
console.log(sparse)
// expect: [ <10 empty items>, 'ten', tag: 2 ]
const big = []; big[1000] = 1
console.log(big)
// expect: [ <1000 empty items>, 1 ]
console.log([[[[1]]]], [[[[]]]], [[[{}]]], [[[{ a: 1 }]]])
// expect: [ [ [ [Array] ] ] ] [ [ [ [] ] ] ] [ [ [ {} ] ] ] [ [ [ [Object] ] ] ]
console.log(Array.from({ length: 101 }, (_, i) => i).length, Array.from({ length: 101 }, (_, i) => i))
// expect: 101 [
// expect:    0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,
// expect:   12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
// expect:   24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
// expect:   36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
// expect:   48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,
// expect:   60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,
// expect:   72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,
// expect:   84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
// expect:   96, 97, 98, 99,
// expect:   ... 1 more item
// expect: ]
console.log({ list: Array.from({ length: 102 }, () => 'x') })
// expect: {
// expect:   list: [
// expect:     'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
// expect:     'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
// expect:     'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
// expect:     'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
// expect:     'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
// expect:     'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
// expect:     'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
// expect:     'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x',
// expect:     'x', 'x', 'x', 'x',
// expect:     ... 2 more items
// expect:   ]
// expect: }
const arr101 = Array.from({ length: 101 }, (_, i) => i); arr101.extra = true
console.log(arr101)
// expect: [
// expect:   0,               1,  2,  3,
// expect:   4,               5,  6,  7,
// expect:   8,               9,  10, 11,
// expect:   12,              13, 14, 15,
// expect:   16,              17, 18, 19,
// expect:   20,              21, 22, 23,
// expect:   24,              25, 26, 27,
// expect:   28,              29, 30, 31,
// expect:   32,              33, 34, 35,
// expect:   36,              37, 38, 39,
// expect:   40,              41, 42, 43,
// expect:   44,              45, 46, 47,
// expect:   48,              49, 50, 51,
// expect:   52,              53, 54, 55,
// expect:   56,              57, 58, 59,
// expect:   60,              61, 62, 63,
// expect:   64,              65, 66, 67,
// expect:   68,              69, 70, 71,
// expect:   72,              73, 74, 75,
// expect:   76,              77, 78, 79,
// expect:   80,              81, 82, 83,
// expect:   84,              85, 86, 87,
// expect:   88,              89, 90, 91,
// expect:   92,              93, 94, 95,
// expect:   96,              97, 98, 99,
// expect:   ... 1 more item,
// expect:   extra: true
// expect: ]
const withGetter = [1]; Object.defineProperty(withGetter, 1, { get() { return 2 }, enumerable: true })
console.log(withGetter)
// expect: [ 1, [Getter] ]
class Stack extends Array {}
console.log(Stack.from([1, 2]), new Stack())
// expect: Stack(2) [ 1, 2 ] Stack(0) []
console.log(Object.setPrototypeOf([1, 2], null))
// expect: [Array(2): null prototype] [ 1, 2 ]
