// JSON.parse: values, whitespace, numbers, strings and escapes, objects and arrays.
const j = (x) => JSON.stringify(x)
console.log(j(JSON.parse('{"a":1,"b":[true,false,null],"c":{"d":"e"}}')))
console.log(JSON.parse('123'), JSON.parse('-0.5e-3'), JSON.parse('1E+2'), JSON.parse(' \t\r\n 5 \n'), 1 / JSON.parse('-0'))
console.log(JSON.parse('1e400'), JSON.parse('-1e400'), JSON.parse('123456789012345678901234567890'), JSON.parse('0.1'))
console.log(JSON.parse('"\\u0041\\u00e9\\n\\t\\"\\\\\\/"'), JSON.parse('""') === '', JSON.parse('"\\ud800"').length)
console.log(JSON.parse('true'), JSON.parse('false'), JSON.parse('null'), JSON.parse('[]').length, j(JSON.parse('{}')))
console.log(j(JSON.parse('[1, [2, [3, [4]]]]')), j(JSON.parse(' [ 1 , 2 ] ')))
// duplicate keys: the last wins, in the first key's place; __proto__ is an own property
console.log(j(JSON.parse('{"a":1,"b":2,"a":3}')), j(JSON.parse('{"__proto__":{"x":1}}')))
const p = JSON.parse('{"__proto__":{"x":1}}')
console.log(Object.getPrototypeOf(p) === Object.prototype, p.x, Object.keys(p).join())
// integer-like keys come first, as in any object
console.log(Object.keys(JSON.parse('{"b":1,"2":2,"a":3,"1":4}')).join())
// the argument is converted to a string
console.log(JSON.parse(1), JSON.parse(true), JSON.parse(null), j(JSON.parse({ toString() { return '[7]' } })), j(JSON.parse(['[8]'])))
// deep nesting parses (the parser is iterative)
let deep = ''
for (let i = 0; i < 5000; i++) deep += '['
for (let i = 0; i < 5000; i++) deep += ']'
let d = JSON.parse(deep)
let depth = 0
while (Array.isArray(d)) { depth++; d = d[0] }
console.log(depth)
// large arrays and objects
let big = '['
for (let i = 0; i < 1000; i++) big += (i ? ',' : '') + '{"i":' + i + '}'
big += ']'
const parsed = JSON.parse(big)
console.log(parsed.length, parsed[999].i)
// a round trip
const value = { s: 'x\u2028y', n: [0, -1.5, 1e-7], o: { t: true, f: null }, e: '' }
console.log(JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value))
console.log(JSON.parse.length, JSON.parse.name, Object.prototype.toString.call(JSON), Object.keys(JSON).length)
console.log(Object.getOwnPropertyNames(JSON).join())

// expect: {"a":1,"b":[true,false,null],"c":{"d":"e"}}
// expect: 123 -0.0005 100 5 -Infinity
// expect: Infinity -Infinity 1.2345678901234568e+29 0.1
// expect: Aé
// expect: 	"\/ true 1
// expect: true false null 0 {}
// expect: [1,[2,[3,[4]]]] [1,2]
// expect: {"a":3,"b":2} {"__proto__":{"x":1}}
// expect: true undefined __proto__
// expect: 1,2,b,a
// expect: 1 true null [7] [8]
// expect: 5000
// expect: 1000 999
// expect: true
// expect: 2 parse [object JSON] 0
// expect: parse,stringify
