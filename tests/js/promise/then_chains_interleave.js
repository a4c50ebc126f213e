// Two then-chains interleave one reaction per tick; a handler's return value settles
// the derived promise, so each .then waits for the previous one.
console.log('start')
const a = new Promise(resolve => { console.log('executor runs synchronously'); resolve('a') })
a.then(v => { console.log('a1', v); return 'b' })
 .then(v => { console.log('a2', v) })
 .then(v => { console.log('a3', v) })
Promise.resolve(1)
  .then(v => console.log('b1', v))
  .then(() => console.log('b2'))
  .then(() => console.log('b3'))
a.then(v => console.log('a again', v))
console.log('end')
// expect: start
// expect: executor runs synchronously
// expect: end
// expect: a1 a
// expect: b1 1
// expect: a again a
// expect: a2 b
// expect: b2
// expect: a3 undefined
// expect: b3
