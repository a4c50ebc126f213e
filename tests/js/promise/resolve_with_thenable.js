// Seed 003: a thenable's then runs in a PromiseResolveThenableJob (one tick late).
let thenable = {
  then: function(resolve, reject) {
    console.log('in thenable')
    resolve(42)
  }
}
new Promise((r) => {
  console.log('in p0')
  r(thenable)
})
.then((v) => { console.log('0-0', v) })
.then(() => { console.log('0-1') })
.then(() => { console.log('0-2') })

new Promise((r) => {
  console.log('in p1')
  r()
})
.then(() => { console.log('1-0') })
.then(() => { console.log('1-1') })
.then(() => { console.log('1-2') })
// expect: in p0
// expect: in p1
// expect: in thenable
// expect: 1-0
// expect: 0-0 42
// expect: 1-1
// expect: 0-1
// expect: 1-2
// expect: 0-2
