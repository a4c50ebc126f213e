// Async generators: yield/await interleaving, return and throw, the request queue, for await over
// async and sync iterables, yield* delegation, break closing the iterator; the ticks of
// a parallel promise loop show the exact job order.
const log = (...a) => console.log(...a);
async function* gen() {
  log('start');
  const x = yield 1;
  log('got', x);
  try {
    yield Promise.resolve(2);
    yield 3;
  } finally {
    log('finally');
  }
  return 'end';
}
(async () => {
  const g = gen();
  log(await g.next('ignored'));
  log(await g.next('X'));
  log(await g.next());
  log(await g.return('R'));
  log(await g.next());
  for await (const v of gen()) log('for await', v);
  for await (const v of [Promise.resolve('a'), 'b']) log('sync', v);
  const g2 = gen();
  const ps = [g2.next(), g2.next(), g2.next(), g2.next(), g2.next()];
  log(await Promise.all(ps));
  const g3 = gen(); await g3.next();
  try { await g3.throw(new Error('boom')) } catch (e) { log('caught', e.message) }
  log(await gen().return(Promise.resolve(7)));
  async function* d() { const r = yield* gen(); log('r', r); yield* [Promise.resolve('p'), 'q'] }
  for await (const v of d()) log('d', v);
  try { for await (const v of gen()) { log(v); break } } finally { log('after break') }
})();
let t = 0; (function tick() { if (t++ < 40) { log('tick', t); Promise.resolve().then(tick) } })();

// expect: start
// expect: tick 1
// expect: tick 2
// expect: { value: 1, done: false }
// expect: got X
// expect: tick 3
// expect: tick 4
// expect: { value: 2, done: false }
// expect: tick 5
// expect: tick 6
// expect: { value: 3, done: false }
// expect: tick 7
// expect: finally
// expect: tick 8
// expect: { value: 'R', done: true }
// expect: tick 9
// expect: { value: undefined, done: true }
// expect: start
// expect: tick 10
// expect: tick 11
// expect: for await 1
// expect: got undefined
// expect: tick 12
// expect: tick 13
// expect: for await 2
// expect: tick 14
// expect: tick 15
// expect: for await 3
// expect: finally
// expect: tick 16
// expect: tick 17
// expect: tick 18
// expect: tick 19
// expect: sync a
// expect: tick 20
// expect: tick 21
// expect: sync b
// expect: tick 22
// expect: tick 23
// expect: start
// expect: tick 24
// expect: got undefined
// expect: tick 25
// expect: tick 26
// expect: finally
// expect: tick 27
// expect: tick 28
// expect: tick 29
// expect: [
// expect:   { value: 1, done: false },
// expect:   { value: 2, done: false },
// expect:   { value: 3, done: false },
// expect:   { value: 'end', done: true },
// expect:   { value: undefined, done: true }
// expect: ]
// expect: start
// expect: tick 30
// expect: tick 31
// expect: tick 32
// expect: caught boom
// expect: tick 33
// expect: tick 34
// expect: { value: 7, done: true }
// expect: start
// expect: tick 35
// expect: tick 36
// expect: tick 37
// expect: d 1
// expect: got undefined
// expect: tick 38
// expect: tick 39
// expect: tick 40
// expect: d 2
// expect: d 3
// expect: finally
// expect: r end
// expect: d p
// expect: d q
// expect: start
// expect: 1
// expect: after break
