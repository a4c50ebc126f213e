// Promise { 1 }, Promise { <pending> }, Promise { <rejected> ... } for states known at
// the time of the call.
const e = new Error('no'); e.stack = 'Error: no\n    at f (a.js:1:1)'
const rejected = Promise.reject(e); rejected.catch(() => {})
const rejectedValue = Promise.reject(42); rejectedValue.catch(() => {})
console.log(Promise.resolve(1), new Promise(() => {}), Promise.resolve())
// expect: Promise { 1 } Promise { <pending> } Promise { undefined }
console.log(rejected)
// expect: Promise {
// expect:   <rejected> Error: no
// expect:       at f (a.js:1:1)
// expect: }
console.log(rejectedValue, { p: rejectedValue }, [rejectedValue])
// expect: Promise { <rejected> 42 } { p: Promise { <rejected> 42 } } [ Promise { <rejected> 42 } ]
console.log(Promise.resolve({ a: { b: { c: { d: 1 } } } }))
// expect: Promise { { a: { b: [Object] } } }
console.log(Promise.resolve(Promise.resolve([1, 2])))
// expect: Promise { [ 1, 2 ] }
const withProp = Promise.resolve(2); withProp.extra = 'x'
console.log(withProp)
// expect: Promise { 2, extra: 'x' }
class MyPromise extends Promise {}
console.log(MyPromise.resolve(3))
// expect: MyPromise [Promise] { 3 }
