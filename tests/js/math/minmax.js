// max and min: -0 below +0, NaN wins, every argument is converted first.
const show = (...xs) => console.log(xs.map((x) => (Object.is(x, -0) ? '-0' : '' + x)).join(' '))
show(Math.max(), Math.min(), Math.max(1), Math.min(1), Math.max(1, 3, 2), Math.min(1, 3, 2))
show(Math.max(0, -0), Math.max(-0, 0), Math.min(0, -0), Math.min(-0, 0), Math.max(-0, -0), Math.min(0, 0))
show(Math.max(1, NaN, 3), Math.min(NaN, 1), Math.max('7', 3), Math.min('a', 1), Math.max(null, -1), Math.min(undefined))
show(Math.max(-Infinity, Infinity), Math.min(-Infinity, Infinity), Math.max([2], [1]), Math.max([1, 2]))
const order = []
const probe = (name, value) => ({ valueOf() { order.push(name); return value } })
show(Math.max(probe('a', 1), NaN, probe('b', 2)), Math.min(probe('c', NaN), probe('d', 0)))
console.log(order.join())
const many = []
for (let i = 0; i < 1000; i++) many.push((i * 7919) % 1000)
show(Math.max(...many), Math.min(...many), Math.max.apply(null, [5, 9, 2]))
try { Math.max(1, Symbol()) } catch (e) { console.log(e.constructor.name + ': ' + e.message) }

// expect: -Infinity Infinity 1 1 3 1
// expect: 0 0 -0 -0 -0 0
// expect: NaN NaN 7 NaN 0 NaN
// expect: Infinity -Infinity 2 NaN
// expect: NaN NaN
// expect: a,b,c,d
// expect: 999 0 9
// expect: TypeError: Cannot convert a Symbol value to a number
