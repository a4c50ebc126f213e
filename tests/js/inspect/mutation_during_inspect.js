// The formatter runs user getters only where node does (Symbol.toStringTag, names) and
// survives them deleting what it is printing.
const o = { a: { get [Symbol.toStringTag]() { delete o.b; delete o['key' + 'x']; return 'T' } }, b: { big: [1, 2, 3] } }
o['key' + 'x'] = { v: 'dyn' }
console.log(o)
// expect: {
// expect:   a: { [Symbol(Symbol.toStringTag)]: [Getter] },
// expect:   b: undefined,
// expect:   keyx: undefined
// expect: }
const arr = [{ get [Symbol.toStringTag]() { arr.length = 0; return 'Shrink' } }, 2, 3, 4]
console.log(arr)
// expect: [ { [Symbol(Symbol.toStringTag)]: [Getter] } ]
class N { static get name() { return 'Dyn' + 'Name' } }
console.log(new N(), N)
// expect: DynName {} [class DynName]
class Thrower { get [Symbol.toStringTag]() { throw new Error('tag throws') } }
try { console.log(new Thrower()) } catch (e) { console.log('caught', e.message) }
// expect: caught tag throws
const st = new Error('x'); Object.defineProperty(st, 'stack', { get() { return 'Error: from getter\n    at g (x.js:1:1)' } })
console.log(st)
// expect: [Error: from getter
// expect:     at g (x.js:1:1)]
const lst = []; let cur = lst; for (let i = 0; i < 10000; i++) { const n = []; cur.push(n); cur = n }
console.log(lst)
// expect: [ [ [ [Array] ] ] ]
const getters = { get a() { throw new Error('never called') } }
console.log(getters)
// expect: { a: [Getter] }
