// Cycles: V8's multi-line "Converting circular structure to JSON" TypeError.
const show = (f) => { try { console.log(f()) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => { const a = {}; a.a = a; return JSON.stringify(a) })
show(() => { const a = { b: {} }; a.b.a = a; return JSON.stringify(a) })
show(() => { const a = [1, {}]; a[1].x = a; return JSON.stringify(a) })
show(() => { const a = {}; a.p = { q: { r: { s: { t: a } } } }; return JSON.stringify(a) })
show(() => { const a = {}; a.p = { q: { r: { s: { t: { u: a } } } } }; return JSON.stringify(a) })
show(() => { const a = { x: {} }; a.x.y = { z: a.x }; return JSON.stringify(a) })
class Node { constructor() { this.children = [] } }
show(() => { const n = new Node(); n.children.push({ parent: n }); return JSON.stringify({ root: n }) })
show(() => { const a = Object.create(null); a[''] = a; return JSON.stringify(a) })
show(() => { const a = { [Symbol.toStringTag]: 'Tagged' }; a.self = a; return JSON.stringify(a) })
show(() => { const a = []; a[0] = a; return JSON.stringify(a) })
show(() => { const a = {}; a['0'] = a; return JSON.stringify(a) })
show(() => { const a = {}; a.x = { toJSON() { return a } }; return JSON.stringify(a) })
show(() => { const a = { k: 1 }; return JSON.stringify(a, (key, v) => (key === 'k' ? a : v)) })
// the same object twice is not a cycle
show(() => { const shared = { v: 1 }; return JSON.stringify({ a: shared, b: shared, c: [shared, shared] }) })
// after a cycle error the next stringify starts clean
show(() => { const a = {}; a.a = a; try { JSON.stringify(a) } catch (e) {} delete a.a; return JSON.stringify(a) })

// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     --- property 'a' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'b' -> object with constructor 'Object'
// expect:     --- property 'a' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Array'
// expect:     |     index 1 -> object with constructor 'Object'
// expect:     --- property 'x' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'p' -> object with constructor 'Object'
// expect:     |     property 'q' -> object with constructor 'Object'
// expect:     |     ...
// expect:     |     property 's' -> object with constructor 'Object'
// expect:     --- property 't' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'p' -> object with constructor 'Object'
// expect:     |     property 'q' -> object with constructor 'Object'
// expect:     |     ...
// expect:     |     property 't' -> object with constructor 'Object'
// expect:     --- property 'u' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'y' -> object with constructor 'Object'
// expect:     --- property 'z' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Node'
// expect:     |     property 'children' -> object with constructor 'Array'
// expect:     |     index 0 -> object with constructor 'Object'
// expect:     --- property 'parent' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     --- <anonymous> closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Tagged'
// expect:     --- property 'self' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Array'
// expect:     --- index 0 closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     --- property '0' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     --- property 'x' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     --- property 'k' closes the circle
// expect: {"a":{"v":1},"b":{"v":1},"c":[{"v":1},{"v":1}]}
// expect: {}
