// Map(1) { 'a' => 1 }, Set(2) { 1, 2 }, WeakMap { <items unknown> }, iterators.
console.log(new Map([['a', 1]]), new Set([1, 2]), new Map(), new Set())
// expect: Map(1) { 'a' => 1 } Set(2) { 1, 2 } Map(0) {} Set(0) {}
console.log(new WeakMap(), new WeakSet())
// expect: WeakMap { <items unknown> } WeakSet { <items unknown> }
console.log(new Map([[{ k: 1 }, [1, 2]], [NaN, 'nan']]), new Set(['two', [3], { four: 4 }]))
// expect: Map(2) { { k: 1 } => [ 1, 2 ], NaN => 'nan' } Set(3) { 'two', [ 3 ], { four: 4 } }
console.log({ m: new Map([[1, { a: { b: 1 } }]]) }, [[new Set([[1]])]])
// expect: { m: Map(1) { 1 => { a: [Object] } } } [ [ Set(1) { [Array] } ] ]
const big = new Set(); for (let i = 0; i < 105; i++) big.add(i)
console.log(big)
// expect: Set(105) {
// expect:   0,
// expect:   1,
// expect:   2,
// expect:   3,
// expect:   4,
// expect:   5,
// expect:   6,
// expect:   7,
// expect:   8,
// expect:   9,
// expect:   10,
// expect:   11,
// expect:   12,
// expect:   13,
// expect:   14,
// expect:   15,
// expect:   16,
// expect:   17,
// expect:   18,
// expect:   19,
// expect:   20,
// expect:   21,
// expect:   22,
// expect:   23,
// expect:   24,
// expect:   25,
// expect:   26,
// expect:   27,
// expect:   28,
// expect:   29,
// expect:   30,
// expect:   31,
// expect:   32,
// expect:   33,
// expect:   34,
// expect:   35,
// expect:   36,
// expect:   37,
// expect:   38,
// expect:   39,
// expect:   40,
// expect:   41,
// expect:   42,
// expect:   43,
// expect:   44,
// expect:   45,
// expect:   46,
// expect:   47,
// expect:   48,
// expect:   49,
// expect:   50,
// expect:   51,
// expect:   52,
// expect:   53,
// expect:   54,
// expect:   55,
// expect:   56,
// expect:   57,
// expect:   58,
// expect:   59,
// expect:   60,
// expect:   61,
// expect:   62,
// expect:   63,
// expect:   64,
// expect:   65,
// expect:   66,
// expect:   67,
// expect:   68,
// expect:   69,
// expect:   70,
// expect:   71,
// expect:   72,
// expect:   73,
// expect:   74,
// expect:   75,
// expect:   76,
// expect:   77,
// expect:   78,
// expect:   79,
// expect:   80,
// expect:   81,
// expect:   82,
// expect:   83,
// expect:   84,
// expect:   85,
// expect:   86,
// expect:   87,
// expect:   88,
// expect:   89,
// expect:   90,
// expect:   91,
// expect:   92,
// expect:   93,
// expect:   94,
// expect:   95,
// expect:   96,
// expect:   97,
// expect:   98,
// expect:   99,
// expect:   ... 5 more items
// expect: }
const mp = new Map([['x', 1]]); mp.prop = 2
console.log(mp)
// expect: Map(1) { 'x' => 1, prop: 2 }
class MyMap extends Map {}
console.log(new MyMap([[1, 1]]), new MyMap())
// expect: MyMap(1) [Map] { 1 => 1 } MyMap(0) [Map] {}
console.log(new Map([[1, 2]]).entries(), new Map([[1, 2]]).keys(), new Map([[1, 2]]).values())
// expect: [Map Entries] { [ 1, 2 ] } [Map Iterator] { 1 } [Map Iterator] { 2 }
console.log(new Set([1, 2]).entries(), new Set([1, 2]).values())
// expect: [Set Entries] { [ 1, 1 ], [ 2, 2 ] } [Set Iterator] { 1, 2 }
const it = new Map([[1, 'a'], [2, 'b']]).entries(); it.next()
console.log(it)
// expect: [Map Entries] { [ 2, 'b' ] }
it.next()
console.log(it)
// expect: [Map Entries] {  }
console.log(new Map([['key', 'value'.repeat(20)], ['other key', 'other value'.repeat(3)]]))
// expect: Map(2) {
// expect:   'key' => 'valuevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevaluevalue',
// expect:   'other key' => 'other valueother valueother value'
// expect: }
console.log('%o', new WeakSet([{ w: 1 }]))
// expect: WeakSet { { w: 1 } }
