// Entries go on one line when they fit in 80 columns (counting indentation and the
// "compact: 3" rule: up to three inner levels are joined), else one per line.
console.log({ a: 'aaaaaaaaaaaaaaaaaaaa', b: 'bbbbbbbbbbbbbbbbbbbb', c: 'ccccccccccccccccc' })
// expect: {
// expect:   a: 'aaaaaaaaaaaaaaaaaaaa',
// expect:   b: 'bbbbbbbbbbbbbbbbbbbb',
// expect:   c: 'ccccccccccccccccc'
// expect: }
console.log({ a: 'aaaaaaaaaaaaaaaaaaaa', b: 'bbbbbbbbbbbbbbbbbbbb', c: 'cccccccccccccccccccc', d: 1 })
// expect: {
// expect:   a: 'aaaaaaaaaaaaaaaaaaaa',
// expect:   b: 'bbbbbbbbbbbbbbbbbbbb',
// expect:   c: 'cccccccccccccccccccc',
// expect:   d: 1
// expect: }
console.log({ longPropertyName1: 'value number one', longPropertyName2: 'value number two', k: 3 })
// expect: {
// expect:   longPropertyName1: 'value number one',
// expect:   longPropertyName2: 'value number two',
// expect:   k: 3
// expect: }
console.log({ level1: { level2: { level3: 'deep value here' }, other: [1, 2, 3] }, sibling: 'x' })
// expect: {
// expect:   level1: { level2: { level3: 'deep value here' }, other: [ 1, 2, 3 ] },
// expect:   sibling: 'x'
// expect: }
console.log({ a: { b: { c: {} } }, x: { y: { z: 1 } } })
// expect: { a: { b: { c: {} } }, x: { y: { z: 1 } } }
console.log({ a: [[[]]], b: [[[1]]] })
// expect: { a: [ [ [] ] ], b: [ [ [Array] ] ] }
console.log([{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }, { a: 7, b: 8 }, { a: 9, b: 10 }, { a: 11 }])
// expect: [
// expect:   { a: 1, b: 2 },
// expect:   { a: 3, b: 4 },
// expect:   { a: 5, b: 6 },
// expect:   { a: 7, b: 8 },
// expect:   { a: 9, b: 10 },
// expect:   { a: 11 }
// expect: ]
console.log({ a: 1, b: { c: 2, d: { e: 3, f: { g: 4 } } }, h: [5, [6, [7, [8]]]] })
// expect: {
// expect:   a: 1,
// expect:   b: { c: 2, d: { e: 3, f: [Object] } },
// expect:   h: [ 5, [ 6, [Array] ] ]
// expect: }
console.log({ 'key with spaces and a long name to push it over the line': 1, another_key: 2 })
// expect: {
// expect:   'key with spaces and a long name to push it over the line': 1,
// expect:   another_key: 2
// expect: }
console.log([[1, [2, [3, [4]]]], { x: [{ y: [{ z: 1 }] }] }])
// expect: [ [ 1, [ 2, [Array] ] ], { x: [ [Object] ] } ]
console.log([{}, [], new Map(), new Set(), Object.create(null), function () {}, class {}])
// expect: [
// expect:   {},
// expect:   [],
// expect:   Map(0) {},
// expect:   Set(0) {},
// expect:   [Object: null prototype] {},
// expect:   [Function (anonymous)],
// expect:   [class (anonymous)]
// expect: ]
console.log({ one: { two: { three: 'x'.repeat(40) } }, four: 'y'.repeat(20) })
// expect: {
// expect:   one: { two: { three: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' } },
// expect:   four: 'yyyyyyyyyyyyyyyyyyyy'
// expect: }
console.log({ user: { id: 1, name: 'Ada', roles: ['admin', 'dev'], address: { city: 'London' } } })
// expect: {
// expect:   user: {
// expect:     id: 1,
// expect:     name: 'Ada',
// expect:     roles: [ 'admin', 'dev' ],
// expect:     address: { city: 'London' }
// expect:   }
// expect: }
