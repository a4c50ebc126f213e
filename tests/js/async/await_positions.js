// await in every position: loops, switch, destructuring defaults, templates, try/catch/
// finally, return await; async methods, class methods, arrows, named expressions; errors
// in parameters reject (async functions) or throw at the call (async generators).
const log = (...a) => console.log(...a);
class A { async m(x) { await null; return x * 2 } static async s() { return 's' } async *ag() { yield 1 } }
const o = { async f() { return 'f' }, async *g() { yield 'g' }, async ['c' + 1]() { return 'c1' } };
async function loops() {
  let sum = 0;
  for (let i = 0; i < 3; i++) sum += await i;
  let j = 0; while (j < 2) { j = await (j + 1) }
  do { sum += await 10 } while (false);
  for (const k of [1, 2]) sum += await k;
  for (const k in { a: 1, b: 2 }) log('key', await k);
  switch (await 2) { case 2: log('two') }
  const { a = await 5 } = {};
  const [b = await 6] = [];
  log(`t${await 't'}`, a, b, sum, await (async () => 'arrow')());
  try { await Promise.reject(new Error('E')) } catch (e) { log('catch', e.message, await 'in catch') } finally { log('fin', await 'in finally') }
  try { return await 'ret' } finally { log('finally after return') }
}
(async () => {
  log(await new A().m(21), await A.s(), await o.f(), await o['c1']());
  for await (const v of o.g()) log(v);
  for await (const v of new A().ag()) log(v);
  log(await loops());
  const f = async function named() { return named.name }; log(await f());
  log(await (async x => x + 1)(1));
  log(typeof (async () => {}).then, Object.prototype.toString.call(async () => {}));
  const nested = async () => { const inner = async () => { throw new TypeError('inner') }; try { await inner() } catch (e) { return e.constructor.name } };
  log(await nested());
  async function thrower() { throw new Error('sync throw') }
  thrower().catch(e => log('rejected', e.message));
  async function param(a = (() => { throw new Error('param') })()) {}
  param().catch(e => log('param rejects', e.message));
  async function* agParam(a = (() => { throw new Error('agparam') })()) {}
  try { agParam() } catch (e) { log('agparam throws sync', e.message) }
})();

// expect: 42 s f c1
// expect: g
// expect: 1
// expect: key a
// expect: key b
// expect: two
// expect: tt 5 6 16 arrow
// expect: catch E in catch
// expect: fin in finally
// expect: finally after return
// expect: ret
// expect: named
// expect: 2
// expect: undefined [object AsyncFunction]
// expect: TypeError
// expect: agparam throws sync agparam
// expect: rejected sync throw
// expect: param rejects param
