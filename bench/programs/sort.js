// Array sorting with a comparator: calls from native code back into JS.
const a = []
let seed = 12345
for (let i = 0; i < 100000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    a.push(seed % 100000)
}
a.sort((x, y) => x - y)
let ok = true
for (let i = 1; i < a.length; i++) if (a[i - 1] > a[i]) ok = false
console.log(ok, a[0], a[a.length - 1])
