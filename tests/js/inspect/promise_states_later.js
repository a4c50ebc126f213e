// A promise shows the state it has when console.log runs: after a job has settled it.
const p = Promise.resolve(1).then(v => v + 1)
const r = Promise.reject(new RangeError('late')).catch(e => { e.stack = 'RangeError: late'; throw e })
r.catch(() => {})
console.log(p, r)
// expect: Promise { <pending> } Promise { <pending> }
setTimeout(() => {
  console.log(p, [p], { nested: { p } })
// expect: Promise { 2 } [ Promise { 2 } ] { nested: { p: Promise { 2 } } }
  console.log(r)
// expect: Promise { <rejected> [RangeError: late] }
}, 0)
