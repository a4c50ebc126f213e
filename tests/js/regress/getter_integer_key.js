// Regression (fixed last session): an accessor whose name is an integer literal is an
// integer-keyed property, found by o[0].
const o = { get 0() { return 1 } }
console.log(o[0])
console.log(o["0"], Object.keys(o))
const p = { set 1(v) { this.seen = v }, get 1() { return "one" } }
p[1] = 5
console.log(p[1], p.seen)
// expect: 1
// expect: 1 [ '0' ]
// expect: one 5
