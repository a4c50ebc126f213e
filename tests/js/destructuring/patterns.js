// Destructuring in declarations, assignments, parameters and loops.
const [a, , b = 10, ...rest] = [1, 2, undefined, 4, 5]
console.log(a, b, rest)
const { x, y: why = 'default', ...others } = { x: 1, z: 3, w: 4 }
console.log(x, why, others)
let p = 1, q = 2;
[p, q] = [q, p]
console.log(p, q)
const { n: { deep } } = { n: { deep: 'deep value' } }
console.log(deep)
for (const [k, v] of [['one', 1], ['two', 2]]) console.log(k, v)
for (const { id } of [{ id: 7 }]) console.log(id)
function f({ a: aa = 1, b: bb } = {}, [c1] = ['c']) { return [aa, bb, c1] }
console.log(f(), f({ b: 2 }, ['C']))
const o = {}
;({ v: o.prop, w: o['other'] } = { v: 'V', w: 'W' })
console.log(o)
const [s1, s2] = 'hi'
console.log(s1, s2)
try { const { m } = null } catch (e) { console.log(e.message) }
try { const [z] = {} } catch (e) { console.log(e.message) }
const fn = ({ name = 'anon' }) => name
console.log(fn({}), fn({ name: 'N' }))
const [dflt = () => 1] = []
console.log(dflt.name)

// expect: 1 10 [ 4, 5 ]
// expect: 1 default { z: 3, w: 4 }
// expect: 2 1
// expect: deep value
// expect: one 1
// expect: two 2
// expect: 7
// expect: [ 1, undefined, 'c' ] [ 1, 2, 'C' ]
// expect: { prop: 'V', other: 'W' }
// expect: h i
// expect: Cannot destructure property 'm' of 'null' as it is null.
// expect: {} is not iterable
// expect: anon N
// expect: dflt
