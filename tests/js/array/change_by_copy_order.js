// toReversed, toSpliced and with share one copy loop (array.c): the Gets happen in the
// spec's order, and with(i, v) reads every index but i.
const log = []
const o = { length: 4 }
for (let i = 0; i < 4; i++) Object.defineProperty(o, i, { get() { log.push(i); return i * 10 } })
console.log(Array.prototype.with.call(o, 2, 'x'), log.join())
log.length = 0
console.log(Array.prototype.toSpliced.call(o, 1, 2, 'a', 'b', 'c'), log.join())
log.length = 0
console.log(Array.prototype.toReversed.call(o), log.join())
console.log([1, 2, 3].with(-1), [1, 2].toSpliced(), [1, 2, 3].toSpliced(1), [1,2,3].toSpliced(-2, 1))
try { [1].with(1, 0) } catch (e) { console.log(e.message) }
try { [1].with(-2, 0) } catch (e) { console.log(e.message) }
console.log(Array.prototype.with.call("abc", 0, "z"), Array.prototype.toReversed.call("abc"))
// expect: [ 0, 10, 'x', 30 ] 0,1,3
// expect: [ 0, 'a', 'b', 'c', 30 ] 0,3
// expect: [ 30, 20, 10, 0 ] 3,2,1,0
// expect: [ 1, 2, undefined ] [ 1, 2 ] [ 1 ] [ 1, 3 ]
// expect: Invalid index : 1
// expect: Invalid index : -2
// expect: [ 'z', 'b', 'c' ] [ 'c', 'b', 'a' ]
