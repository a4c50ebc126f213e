// Ours: async generators driven by for await...of, by hand (next calls queued before
// the first settles), with return() and throw(), an early break that closes the
// generator, and for await over a sync iterable of promises (CreateAsyncFromSyncIterator).
const log = (...args) => console.log(...args);

async function* counter(n) {
  try {
    for (let i = 0; i < n; i++) {
      log('yielding', i);
      yield i;
    }
    return 'end';
  } finally {
    log('counter cleanup');
  }
}

(async () => {
  for await (const v of counter(3)) log('got', v);

  for await (const v of counter(5)) {
    log('got', v);
    if (v === 1) break;
  }

  for await (const v of [Promise.resolve('p1'), 'plain', Promise.resolve('p2')]) log('sync iterable:', v);

  const g = counter(2);
  const all = [g.next(), g.next(), g.next(), g.next()];
  for (const r of await Promise.all(all)) log('queued next:', JSON.stringify(r));

  const h = counter(3);
  log('first:', JSON.stringify(await h.next()));
  log('return:', JSON.stringify(await h.return('early')));
  log('after return:', JSON.stringify(await h.next()));

  async function* awaiting() {
    const x = yield 'a';
    log('sent in:', x);
    try {
      yield await Promise.resolve('b');
    } catch (e) {
      log('thrown in:', e);
      yield 'c';
    }
  }
  const k = awaiting();
  log(JSON.stringify(await k.next()));
  log(JSON.stringify(await k.next('x')));
  log(JSON.stringify(await k.throw('boom')));
  log(JSON.stringify(await k.next()));
})();

let tick = 0;
function count() {
  if (tick < 40) {
    tick++;
    Promise.resolve().then(count);
  }
}
Promise.resolve().then(count);
(async () => {
  async function* one() { yield 1; }
  for await (const v of one()) log('for await of a generator: value', v, 'at tick', tick);
  log('loop done at tick', tick);
})();
log('sync end');
