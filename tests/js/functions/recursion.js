// Deep recursion runs without C recursion; too deep is a RangeError.
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1) }
console.log(depth(5000))
function forever() { return forever() + 1 }
try { forever() } catch (e) { console.log(e instanceof RangeError, e.message) }
const fib = n => n < 2 ? n : fib(n - 1) + fib(n - 2)
console.log(fib(22))

// expect: 5000
// expect: true Maximum call stack size exceeded
// expect: 17711
