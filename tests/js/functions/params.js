// Default, rest and destructured parameters, arguments, length and name.
function f(a, b = a + 1, ...rest) { return [a, b, rest] }
console.log(f(1), f(1, 5, 6, 7))
console.log(f.length, f.name)
function g() { return arguments.length + ':' + Array.prototype.slice === undefined }
function h() { let s = 0; for (const x of arguments) s += x; return s }
console.log(h(1, 2, 3))
function k({ x, y = 2 }, [p, q] = [8, 9]) { return x + y + p + q }
console.log(k({ x: 1 }))
const arrow = (x, y) => x * y
console.log(arrow(6, 7), arrow.name, arrow.length)
const anon = function () {}
console.log(anon.name, (() => {}).name)
function named() { return typeof named }
console.log(named())

// expect: [ 1, 2, [] ] [ 1, 5, [ 6, 7 ] ]
// expect: 1 f
// expect: 6
// expect: 20
// expect: 42 arrow 2
// expect: anon 
// expect: function
