// Loops with labelled break/continue, do-while, for-in order, switch fallthrough.
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer
    if (i === 2) break outer
    console.log(i, j)
  }
}
let k = 0
do { k++ } while (k < 5)
console.log(k)
const obj = { b: 1, a: 2, 2: 'two', 1: 'one' }
const keys = []
for (const key in obj) keys.push(key)
console.log(keys.join(','))
function sw(x) {
  const out = []
  switch (x) {
    case 1: out.push('one')
    case 2: out.push('two'); break
    default: out.push('default')
    case 3: out.push('three')
  }
  return out.join('+')
}
console.log(sw(1), sw(2), sw(3), sw(9))
block: { console.log('in'); break block; }
console.log('after')
let w = 0
while (true) { if (++w > 3) break }
console.log(w)

// expect: 0 0
// expect: 1 0
// expect: 5
// expect: 1,2,b,a
// expect: one+two two three default+three
// expect: in
// expect: after
// expect: 4
