// Circular references: <ref *1> on the target, [Circular *1] where it recurs.
const a = {}; a.self = a
console.log(a, [a, a])
// expect: <ref *1> { self: [Circular *1] } [ <ref *1> { self: [Circular *1] }, <ref *1> { self: [Circular *1] } ]
const b = { x: {} }; b.x.y = b; b.x.z = b.x; b.w = [b.x]
console.log(b)
// expect: <ref *1> {
// expect:   x: <ref *2> { y: [Circular *1], z: [Circular *2] },
// expect:   w: [ <ref *2> { y: [Circular *1], z: [Circular *2] } ]
// expect: }
const c = [1]; c.push(c)
console.log(c)
// expect: <ref *1> [ 1, [Circular *1] ]
const shared = { k: 1 }
console.log({ first: shared, second: shared })
// expect: { first: { k: 1 }, second: { k: 1 } }
const m = new Map([['me', null]]); m.set('me', m)
console.log(m)
// expect: <ref *1> Map(1) { 'me' => [Circular *1] }
const s = new Set(); s.add(s)
console.log(s)
// expect: <ref *1> Set(1) { [Circular *1] }
const deep = { l1: { l2: {} } }; deep.l1.l2.back = deep.l1
console.log(deep)
// expect: { l1: <ref *1> { l2: { back: [Circular *1] } } }
function f() {} f.me = f
console.log(f)
// expect: <ref *1> [Function: f] { me: [Circular *1] }
