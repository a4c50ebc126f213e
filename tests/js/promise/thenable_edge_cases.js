// Thenables: a then getter read once, then that throws, calls back twice, calls back
// later, a non-callable then, nested thenables, functions as thenables, self-resolution.
const log = (...a) => console.log(...a);
// then read once as a getter
let reads = 0;
const t1 = { get then() { reads++; log('get then', reads); return (r) => r('t1'); } };
Promise.resolve(t1).then(v => log('t1 ->', v, 'reads', reads));
// then throws
const t2 = { then() { throw new Error('then threw'); } };
Promise.resolve(t2).catch(e => log('t2 ->', e.message));
// getter throws
const t3 = { get then() { throw new Error('getter threw'); } };
new Promise(r => r(t3)).catch(e => log('t3 ->', e.message));
// calls back twice and then throws
const t4 = { then(res, rej) { res('first'); res('second'); rej('third'); throw new Error('ignored'); } };
Promise.resolve(t4).then(v => log('t4 ->', v), e => log('t4 rejected', e));
// calls back asynchronously
const t5 = { then(res) { Promise.resolve().then(() => res('late')); } };
Promise.resolve(t5).then(v => log('t5 ->', v));
// then is not callable
const t6 = { then: 42 };
Promise.resolve(t6).then(v => log('t6 ->', typeof v, v.then));
// thenable resolves with another thenable
const t7 = { then(r) { r({ then(r2) { r2('nested'); } }); } };
Promise.resolve(t7).then(v => log('t7 ->', v));
// a function as thenable
function t8() {}
t8.then = (r) => r('fn thenable');
Promise.resolve(t8).then(v => log('t8 ->', v));
// await thenables
(async () => { log('a', await t1); log('b', await t7); try { await t2 } catch (e) { log('c', e.message) } })();
// self resolution
let resolveSelf;
const self = new Promise(r => { resolveSelf = r; });
resolveSelf(self);
self.catch(e => log('self:', e.constructor.name, e.message));
for (let i = 0; i < 5; i++) Promise.resolve().then(() => log('tick', i));
// expect: get then 1
// expect: get then 2
// expect: t3 -> getter threw
// expect: t6 -> object 42
// expect: self: TypeError Chaining cycle detected for promise #<Promise>
// expect: tick 0
// expect: tick 1
// expect: tick 2
// expect: tick 3
// expect: tick 4
// expect: t1 -> t1 reads 2
// expect: t2 -> then threw
// expect: t4 -> first
// expect: t8 -> fn thenable
// expect: a t1
// expect: t5 -> late
// expect: t7 -> nested
// expect: b nested
// expect: c then threw
