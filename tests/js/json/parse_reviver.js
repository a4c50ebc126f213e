// JSON.parse with a reviver: order of calls, this, deletion, replacement.
const calls = []
const r = JSON.parse('{"a":[1,{"b":2}],"c":3}', function (k, v) {
  calls.push(JSON.stringify(k) + ':' + JSON.stringify(v) + ':' + (Array.isArray(this) ? 'array' : typeof this) + ':' + arguments.length)
  return v
})
console.log(calls.join('\n'))
console.log(JSON.stringify(r))
console.log(JSON.stringify(JSON.parse('{"a":[1,2,{"b":3}],"c":4}', (k, v) => (typeof v === 'number' ? undefined : v))))
console.log(JSON.stringify(JSON.parse('[1,2,3]', (k, v) => (k === '1' ? undefined : v))))
console.log(JSON.parse('[1,2,3]', (k, v) => (k === '1' ? undefined : v)).length)
console.log(JSON.stringify(JSON.parse('{"a":1,"b":2}', (k, v) => (k === '' ? v : v * 2))))
console.log(JSON.parse('5', (k, v) => 'root ' + k + v), JSON.parse('{"x":1}', () => undefined))
// the reviver may change properties that are still to come
console.log(JSON.stringify(JSON.parse('{"a":1,"b":2}', function (k, v) { if (k === 'a') this.b = 'changed'; return v })))
// a reviver that is not callable is ignored
console.log(JSON.stringify(JSON.parse('[1]', 'nope')), JSON.stringify(JSON.parse('[1]', {})))
try { JSON.parse('[1]', () => { throw new Error('reviver threw') }) } catch (e) { console.log(e.message) }
// dates revived from strings
const revived = JSON.parse('{"when":"2020-01-01","n":1}', (k, v) => (k === 'when' ? { date: v } : v))
console.log(JSON.stringify(revived))

// expect: "0":1:array:2
// expect: "b":2:object:2
// expect: "1":{"b":2}:array:2
// expect: "a":[1,{"b":2}]:object:2
// expect: "c":3:object:2
// expect: "":{"a":[1,{"b":2}],"c":3}:object:2
// expect: {"a":[1,{"b":2}],"c":3}
// expect: {"a":[null,null,{}]}
// expect: [1,null,3]
// expect: 3
// expect: {"a":2,"b":4}
// expect: root 5 undefined
// expect: {"a":1,"b":"changed"}
// expect: [1] [1]
// expect: reviver threw
// expect: {"when":{"date":"2020-01-01"},"n":1}
