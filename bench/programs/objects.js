// Object-heavy loop: allocation, property reads and writes through shapes, GC pressure.
class Vec {
    constructor(x, y) { this.x = x; this.y = y }
    add(o) { return new Vec(this.x + o.x, this.y + o.y) }
}
let acc = new Vec(0, 0)
for (let i = 0; i < 1000000; i++) {
    const p = { x: i % 7, y: i % 11, tag: 'p' }
    acc = acc.add(new Vec(p.x, p.y))
}
console.log(acc.x, acc.y)
