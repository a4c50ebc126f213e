// String building: concatenation, template literals, join, length.
let s = ''
const parts = []
for (let i = 0; i < 100000; i++) {
    s += String.fromCharCode(97 + (i % 26))
    if (i % 10 === 0) parts.push(`${i}:${s.length}`)
}
const joined = parts.join(',')
console.log(s.length, joined.length)
