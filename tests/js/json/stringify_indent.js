// JSON.stringify's space argument: numbers (clamped to 10), strings (first 10 units).
const v = { a: [1, { b: 2 }, []], c: 'x', d: {}, e: [[]] }
console.log(JSON.stringify(v, null, 2))
console.log(JSON.stringify(v, null, '--'))
console.log(JSON.stringify([1, [2]], null, 20))
console.log(JSON.stringify({ a: 1 }, null, '12345678901234'))
console.log(JSON.stringify({ a: 1 }, null, 0), JSON.stringify({ a: 1 }, null, -3), JSON.stringify({ a: 1 }, null, ''))
console.log(JSON.stringify({ a: 1 }, null, 1.9))
console.log(JSON.stringify({ a: 1 }, null, new Number(1)))
console.log(JSON.stringify({ a: 1 }, null, true), JSON.stringify({ a: 1 }, null, {}))
console.log(JSON.stringify({ a: 1 }, null, '\t'))
console.log(JSON.stringify([], null, 4), JSON.stringify({}, null, 4), JSON.stringify('str', null, 4), JSON.stringify(5, null, 4))
console.log(JSON.stringify({ a: undefined, b: 1, c: () => 1 }, null, 2))
console.log(JSON.stringify([undefined], null, 2))

// expect: {
// expect:   "a": [
// expect:     1,
// expect:     {
// expect:       "b": 2
// expect:     },
// expect:     []
// expect:   ],
// expect:   "c": "x",
// expect:   "d": {},
// expect:   "e": [
// expect:     []
// expect:   ]
// expect: }
// expect: {
// expect: --"a": [
// expect: ----1,
// expect: ----{
// expect: ------"b": 2
// expect: ----},
// expect: ----[]
// expect: --],
// expect: --"c": "x",
// expect: --"d": {},
// expect: --"e": [
// expect: ----[]
// expect: --]
// expect: }
// expect: [
// expect:           1,
// expect:           [
// expect:                     2
// expect:           ]
// expect: ]
// expect: {
// expect: 1234567890"a": 1
// expect: }
// expect: {"a":1} {"a":1} {"a":1}
// expect: {
// expect:  "a": 1
// expect: }
// expect: {
// expect:  "a": 1
// expect: }
// expect: {"a":1} {"a":1}
// expect: {
// expect: 	"a": 1
// expect: }
// expect: [] {} "str" 5
// expect: {
// expect:   "b": 1
// expect: }
// expect: [
// expect:   null
// expect: ]
