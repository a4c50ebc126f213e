// tickscope sample (not from a seed): two timers that expire in the same timers phase,
// each scheduling microtasks, one of them through `await` of a native promise. The three
// expected files differ: es2019 (node 20), es2017 (3-tick await, node 20 loop: microtasks
// after each timer callback) and node10 (3-tick await, node 10 loop: microtasks only
// after the whole timers phase). See samples/README.md.
async function f() {
  await Promise.resolve()
  console.log('after await')
}

setTimeout(() => {
  console.log('timeout1')
  f()
  Promise.resolve()
    .then(() => console.log('then1'))
    .then(() => console.log('then2'))
    .then(() => console.log('then3'))
}, 0)

setTimeout(() => {
  console.log('timeout2')
  Promise.resolve().then(() => console.log('then in timeout2'))
}, 0)
