// Async generator edge cases: yield* over async and sync iterators with throw()/return()
// forwarded, delegates without throw/return methods, for await closing the iterator on
// break/throw/return (AsyncIteratorClose awaits return()), errors of next() and of
// non-object results, and the tick at which each promise settles.
const log = (...a) => console.log(...a);
function mkIter(name, opts = {}) {
  let i = 0;
  const it = {
    [Symbol.asyncIterator]() { return this },
    next(v) { log(name, 'next', v); i++; return Promise.resolve({ value: name + i, done: i > 3 }) },
  };
  if (opts.ret) it.return = (v) => { log(name, 'return', v); return Promise.resolve({ value: 'ret-' + v, done: true }) };
  if (opts.thr) it.throw = (e) => { log(name, 'throw', e); return Promise.resolve({ value: 'thr', done: false }) };
  return it;
}
async function* deleg(it) { try { const r = yield* it; log('deleg result', r); return r } finally { log('deleg finally') } }
(async () => {
  let g = deleg(mkIter('a'));
  log(await g.next('x'), await g.next('y'));
  log(await g.return('R'));
  g = deleg(mkIter('b', { ret: true }));
  await g.next();
  log(await g.return('R2'));
  g = deleg(mkIter('c', { thr: true }));
  await g.next();
  log(await g.throw('E'));
  g = deleg(mkIter('d', { ret: true }));
  await g.next();
  try { await g.throw(new Error('no throw method')) } catch (e) { log('caught', e.constructor.name, e.message) }
  for await (const v of mkIter('e', { ret: true })) { log('loop', v); break }
  try { for await (const v of mkIter('f', { ret: true })) { throw new Error('body') } } catch (e) { log('caught', e.message) }
  const bad = { [Symbol.asyncIterator]() { return { next() { return 5 } } } };
  try { for await (const v of bad); } catch (e) { log('caught', e.message) }
  const rej = { [Symbol.asyncIterator]() { return { next() { return Promise.reject(new Error('next rejected')) } } } };
  try { for await (const v of rej); } catch (e) { log('caught', e.message) }
  async function f() { for await (const v of mkIter('h', { ret: true })) return v }
  log('f', await f());
  try { for await (const v of 42); } catch (e) { log('caught', e.message) }
  async function* early() { yield 1; yield 2 }
  const e = early(); log(await e.return('early'), await e.next());
  const e2 = early(); log(await e2.throw(new Error('x')).catch(err => 'rejected ' + err.message), await e2.next());
  const e3 = early(); const p1 = e3.next(), p2 = e3.return('r'), p3 = e3.next(); log(await p1, await p2, await p3);
  async function* awaitsReturn() { try { yield 1 } finally { await null; log('cleanup') } }
  const e4 = awaitsReturn(); await e4.next(); log(await e4.return(Promise.resolve('pr')));
  async function* yieldsRejected() { yield Promise.reject(new Error('yielded rejection')) }
  try { await yieldsRejected().next() } catch (err) { log('caught', err.message) }
})();
let t = 0; (function tick() { if (t++ < 80) { log('tick', t); Promise.resolve().then(tick) } })();

// expect: a next undefined
// expect: tick 1
// expect: tick 2
// expect: a next y
// expect: tick 3
// expect: tick 4
// expect: { value: 'a1', done: false } { value: 'a2', done: false }
// expect: tick 5
// expect: tick 6
// expect: deleg finally
// expect: tick 7
// expect: { value: 'R', done: true }
// expect: b next undefined
// expect: tick 8
// expect: tick 9
// expect: tick 10
// expect: b return R2
// expect: tick 11
// expect: deleg finally
// expect: tick 12
// expect: { value: 'ret-R2', done: true }
// expect: c next undefined
// expect: tick 13
// expect: tick 14
// expect: c throw E
// expect: tick 15
// expect: tick 16
// expect: { value: 'thr', done: false }
// expect: d next undefined
// expect: tick 17
// expect: tick 18
// expect: d return undefined
// expect: tick 19
// expect: deleg finally
// expect: tick 20
// expect: caught TypeError The iterator does not provide a 'throw' method.
// expect: e next undefined
// expect: tick 21
// expect: loop e1
// expect: e return undefined
// expect: tick 22
// expect: f next undefined
// expect: tick 23
// expect: f return undefined
// expect: tick 24
// expect: caught body
// expect: tick 25
// expect: caught Iterator result 5 is not an object
// expect: tick 26
// expect: caught next rejected
// expect: h next undefined
// expect: tick 27
// expect: h return undefined
// expect: tick 28
// expect: tick 29
// expect: f h1
// expect: caught 42 is not async iterable
// expect: tick 30
// expect: tick 31
// expect: tick 32
// expect: { value: 'early', done: true } { value: undefined, done: true }
// expect: tick 33
// expect: tick 34
// expect: tick 35
// expect: rejected x { value: undefined, done: true }
// expect: tick 36
// expect: tick 37
// expect: tick 38
// expect: tick 39
// expect: { value: 1, done: false } { value: 'r', done: true } { value: undefined, done: true }
// expect: tick 40
// expect: tick 41
// expect: tick 42
// expect: tick 43
// expect: cleanup
// expect: tick 44
// expect: { value: 'pr', done: true }
// expect: tick 45
// expect: tick 46
// expect: caught yielded rejection
// expect: tick 47
// expect: tick 48
// expect: tick 49
// expect: tick 50
// expect: tick 51
// expect: tick 52
// expect: tick 53
// expect: tick 54
// expect: tick 55
// expect: tick 56
// expect: tick 57
// expect: tick 58
// expect: tick 59
// expect: tick 60
// expect: tick 61
// expect: tick 62
// expect: tick 63
// expect: tick 64
// expect: tick 65
// expect: tick 66
// expect: tick 67
// expect: tick 68
// expect: tick 69
// expect: tick 70
// expect: tick 71
// expect: tick 72
// expect: tick 73
// expect: tick 74
// expect: tick 75
// expect: tick 76
// expect: tick 77
// expect: tick 78
// expect: tick 79
// expect: tick 80
