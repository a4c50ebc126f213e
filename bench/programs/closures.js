// Closures and higher-order calls: captured variables, arrow functions, map/filter/reduce.
function counter() { let c = 0; return () => ++c }
let total = 0
for (let k = 0; k < 2000; k++) {
    const next = counter()
    const xs = []
    for (let i = 0; i < 100; i++) xs.push(next())
    total += xs.map(x => x * 2).filter(x => x % 3 === 0).reduce((a, b) => a + b, 0)
}
console.log(total)
