// JSON.stringify of each kind of value, toJSON, wrappers, and what is left out.
const s = JSON.stringify
console.log(s(1), s(-0), s(1e21), s(0.1 + 0.2), s(NaN), s(Infinity), s(-Infinity))
console.log(s('abc'), s(''), s(true), s(false), s(null))
console.log(s(undefined), s(function () {}), s(() => 1), s(Symbol('x')), s())
console.log(s([]), s({}), s([1, 'a', null, true]), s({ a: 1, b: 'x', c: null }))
console.log(s([undefined, function () {}, Symbol('x'), NaN, -Infinity]))
console.log(s({ u: undefined, f() {}, sym: Symbol('x'), n: NaN, ok: 1 }))
console.log(s({ [Symbol('key')]: 1, visible: 2 }))
console.log(s([1, , 3]), s(new Array(3)))
console.log(s({ 2: 'b', 1: 'a', z: 'z', y: 'y', '-1': 'neg', 10: 'ten' }))
console.log(s({ nested: { deeper: { deepest: [1, [2, [3]]] } } }))
// non-enumerable and inherited properties are skipped
const proto = { inherited: 1 }
const obj = Object.create(proto)
obj.own = 2
Object.defineProperty(obj, 'hidden', { value: 3, enumerable: false })
console.log(s(obj))
// getters run
console.log(s({ get g() { return 'got' } }))
// toJSON
console.log(s({ toJSON() { return 'replaced' } }), s({ a: { toJSON(key) { return 'key=' + key } } }))
console.log(s([{ toJSON(key) { return typeof key + ':' + key } }]))
console.log(s({ toJSON: 'not a function', v: 1 }))
console.log(s({ toJSON() { return undefined } }), s({ x: { toJSON() { return undefined } } }))
const withProtoToJSON = Object.create({ toJSON() { return 'from proto' } })
console.log(s(withProtoToJSON))
// wrapper objects are unwrapped
console.log(s(new Number(5)), s(new Boolean(false)), s(Object(Symbol('w'))))
const n = new Number(3)
n.valueOf = () => 42
console.log(s(n), s([n]))
// arrays with extra properties only show elements
const arr = [1, 2]
arr.extra = 'no'
console.log(s(arr))
console.log(s({ a: [], b: {}, c: [{}], d: [[]] }))
// errors
const show = (f) => { try { console.log(f()) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => s({ get bad() { throw new Error('getter threw') } }))
show(() => s({ toJSON() { throw new TypeError('toJSON threw') } }))
console.log(JSON.stringify.length, JSON.stringify.name)

// expect: 1 0 1e+21 0.30000000000000004 null null null
// expect: "abc" "" true false null
// expect: undefined undefined undefined undefined undefined
// expect: [] {} [1,"a",null,true] {"a":1,"b":"x","c":null}
// expect: [null,null,null,null,null]
// expect: {"n":null,"ok":1}
// expect: {"visible":2}
// expect: [1,null,3] [null,null,null]
// expect: {"1":"a","2":"b","10":"ten","z":"z","y":"y","-1":"neg"}
// expect: {"nested":{"deeper":{"deepest":[1,[2,[3]]]}}}
// expect: {"own":2}
// expect: {"g":"got"}
// expect: "replaced" {"a":"key=a"}
// expect: ["string:0"]
// expect: {"toJSON":"not a function","v":1}
// expect: undefined {}
// expect: "from proto"
// expect: 5 false {}
// expect: 42 [42]
// expect: [1,2]
// expect: {"a":[],"b":{},"c":[{}],"d":[[]]}
// expect: Error: getter threw
// expect: TypeError: toJSON threw
// expect: 3 stringify
