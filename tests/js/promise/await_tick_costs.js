// The tick on which each continuation runs (node 20 = es2019): await of a native promise
// 1, of a non-promise 1, of a thenable that calls back synchronously 2; an async
// function's `return promise` reaches the caller's then after 3 ticks, `return await
// promise` after 2; finally settles 2 ticks after a plain then.
let tick = 0
function ticker() { if (tick < 12) { tick++; Promise.resolve().then(ticker) } }
Promise.resolve().then(ticker)
const log = (name) => console.log(name, tick)

;(async () => { await Promise.resolve(1); log('await nativePromise') })()
;(async () => { await 5; log('await nonPromise') })()
;(async () => { await { then(r) { r(1) } }; log('await sync thenable') })()
;(async () => Promise.resolve(1))().then(() => log('return promise'))
;(async () => await Promise.resolve(1))().then(() => log('return await promise'))
Promise.resolve(1).then(x => x).then(() => log('then x=>x'))
Promise.resolve(1).finally(() => {}).then(() => log('finally'))
new Promise(r => r(Promise.resolve(1))).then(() => log('resolve(promise)'))
new Promise(r => r({ then(f) { f(1) } })).then(() => log('resolve(thenable)'))
// expect: await nativePromise 1
// expect: await nonPromise 1
// expect: await sync thenable 2
// expect: return await promise 2
// expect: then x=>x 2
// expect: resolve(thenable) 2
// expect: return promise 3
// expect: resolve(promise) 3
// expect: finally 4
