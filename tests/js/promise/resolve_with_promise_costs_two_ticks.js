// Seed 003: resolve(promise) enqueues a PromiseResolveThenableJob whose then() call
// enqueues the reaction that resolves the outer promise: 0-0 comes two ticks late.
new Promise((r) => {
  console.log('in p0')
  r(new Promise((r) => {
    console.log('in internal p')
    r()
  }))
})
.then(() => { console.log('0-0') })
.then(() => { console.log('0-1') })
.then(() => { console.log('0-2') })
.then(() => { console.log('0-3') })

new Promise((r) => {
  console.log('in p1')
  r()
})
.then(() => { console.log('1-0') })
.then(() => { console.log('1-1') })
.then(() => { console.log('1-2') })
.then(() => { console.log('1-3') })
// expect: in p0
// expect: in internal p
// expect: in p1
// expect: 1-0
// expect: 1-1
// expect: 0-0
// expect: 1-2
// expect: 0-1
// expect: 1-3
// expect: 0-2
// expect: 0-3
