// Async functions of every form, await in try/catch/finally and loops, parameter
// errors that reject, return of thenables, recursion.
const log = (...a) => console.log(...a);
async function a() { log('a start'); try { await Promise.reject(new Error('x')); } catch (e) { log('caught', e.message); } finally { log('finally a'); } return 'a done'; }
a().then(v => log(v));
async function b() { for (let i = 0; i < 3; i++) { await null; log('b loop', i); } return 'b done'; }
async function c() { for (let i = 0; i < 3; i++) { await undefined; log('c loop', i); } return 'c done'; }
b().then(log); c().then(log);
async function d() { throw new TypeError('d threw'); }
d().catch(e => log('d:', e.name, e.message));
const e = async (x) => { const y = await x; return y * 2; };
e(21).then(v => log('arrow', v));
const o = { async m() { return this === o; } };
o.m().then(v => log('method this', v));
class K { async m() { return await 'class method'; } static async s() { return 'static'; } }
new K().m().then(log); K.s().then(log);
async function f(p = log('param default')) { log('f body'); }
f().then(() => log('f done'));
async function g(p = (() => { throw new Error('param threw'); })()) { log('never'); }
g().catch(err => log('g rejected:', err.message));
log('sync end');
async function h() { try { return await Promise.reject('h'); } finally { log('h finally'); } }
h().catch(v => log('h rejected', v));
async function i() { try { throw 1; } finally { return 'i overrides'; } }
i().then(log);
async function j() { await 1; await 2; await 3; return 'j'; }
async function k() { const r = await j(); log('k got', r); }
k();
async function m() { return { then(r) { r('thenable return'); } }; }
m().then(log);
(async function () { log(typeof (await (async () => {})())); })();
async function n() { const results = []; for (const p of [Promise.resolve(1), 2, Promise.resolve(3)]) results.push(await p); return results.join(); }
n().then(log);
async function rec(x) { if (x === 0) return 0; return 1 + await rec(x - 1); }
rec(50).then(v => log('rec', v));
// expect: a start
// expect: param default
// expect: f body
// expect: sync end
// expect: caught x
// expect: finally a
// expect: b loop 0
// expect: c loop 0
// expect: d: TypeError d threw
// expect: method this true
// expect: static
// expect: f done
// expect: g rejected: param threw
// expect: h finally
// expect: i overrides
// expect: undefined
// expect: a done
// expect: b loop 1
// expect: c loop 1
// expect: arrow 42
// expect: class method
// expect: h rejected h
// expect: thenable return
// expect: b loop 2
// expect: c loop 2
// expect: b done
// expect: c done
// expect: k got j
// expect: 1,2,3
// expect: rec 50
