// Seed 000 and 004: await of an async function that returns a then-chain, an await that
// never resolves, return values reaching the caller's then.
async function async1() {
  console.log('async1 start')
  await new Promise(resolve => {
    console.log('promise1')
  })
  console.log('async1 success')
  return 'async1 end'
}
console.log('script start')
async1().then(res => console.log(res))
async function async3() {
  await async4()
  console.log('async3 end')
  return 'async3 return'
}
async function async4() {
  console.log('async4 start')
  return Promise.resolve().then(() => {
    console.log('async4 then')
  })
}
async3().then(v => console.log(v))
new Promise(resolve => {
  console.log('Promise')
  resolve()
}).then(() => console.log('promise1'))
  .then(() => console.log('promise2'))
  .then(() => console.log('promise3'))
const rejected = (async () => { throw new Error('async threw') })()
rejected.catch(e => console.log('caught', e.message))
console.log('script end')
// expect: script start
// expect: async1 start
// expect: promise1
// expect: async4 start
// expect: Promise
// expect: script end
// expect: async4 then
// expect: promise1
// expect: caught async threw
// expect: promise2
// expect: async3 end
// expect: promise3
// expect: async3 return
