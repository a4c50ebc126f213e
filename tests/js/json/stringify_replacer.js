// JSON.stringify's replacer: a function (called with the holder as this) or a property list.
const data = { a: 1, b: 'two', c: [1, 2, { a: 3, d: 4 }], d: { a: 5, e: 6 } }
console.log(JSON.stringify(data, (k, v) => (typeof v === 'number' ? v * 10 : v)))
console.log(JSON.stringify(data, (k, v) => (k === 'c' ? undefined : v)))
console.log(JSON.stringify(data, ['a', 'c']))
console.log(JSON.stringify(data, ['d', 'a', 'e']))
console.log(JSON.stringify({ 1: 'one', 2: 'two' }, [1]))
console.log(JSON.stringify({ a: 1, b: 2 }, ['b', 'b', 'a']))
console.log(JSON.stringify({ a: 1, b: 2 }, [{}, true, null, 'a']))
console.log(JSON.stringify({ a: 1, b: 2 }, []))
console.log(JSON.stringify([{ a: 1, b: 2 }], ['b']))
const calls = []
JSON.stringify({ x: [10, { y: true }] }, function (key, value) {
  calls.push(JSON.stringify(key) + '/' + (Array.isArray(this) ? 'array' : typeof this) + '/' + typeof value)
  return value
})
console.log(calls.join(' '))
console.log(JSON.stringify(1, () => 'replaced root'), JSON.stringify({ a: 1 }, () => undefined))
console.log(JSON.stringify({ a: 1, b: 2 }, (k, v) => (k === '' ? [v.a, v.b] : v)))
console.log(JSON.stringify({ a: { toJSON() { return 'T' } } }, (k, v) => (k === 'a' ? v + '!' : v)))
console.log(JSON.stringify({ a: 1 }, 'not a replacer'), JSON.stringify({ a: 1 }, 42))
const arrLike = { 0: 'a', length: 1 }
console.log(JSON.stringify({ a: 1, b: 2 }, arrLike))
console.log(JSON.stringify({ a: 1, b: 2 }, null, 1) === JSON.stringify({ a: 1, b: 2 }, undefined, 1))

// expect: {"a":10,"b":"two","c":[10,20,{"a":30,"d":40}],"d":{"a":50,"e":60}}
// expect: {"a":1,"b":"two","d":{"a":5,"e":6}}
// expect: {"a":1,"c":[1,2,{"a":3}]}
// expect: {"d":{"a":5,"e":6},"a":1}
// expect: {"1":"one"}
// expect: {"b":2,"a":1}
// expect: {"a":1}
// expect: {}
// expect: [{"b":2}]
// expect: ""/object/object "x"/object/object "0"/array/number "1"/array/object "y"/object/boolean
// expect: "replaced root" undefined
// expect: [1,2]
// expect: {"a":"T!"}
// expect: {"a":1} {"a":1}
// expect: {"a":1,"b":2}
// expect: true
