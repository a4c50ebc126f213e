// Ours: Promise.allSettled (ES2020) and Promise.any (ES2021) with AggregateError.
// node10: not run (node 10 has neither; samples/README.md says how es2017 was checked)
const log = (...args) => console.log(...args);
const later = (v, ms, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(v) : res(v)), ms));

Promise.allSettled([later('slow', 20), Promise.reject(new Error('no')), 'plain']).then((rs) => {
  for (const r of rs) log('allSettled:', r.status, r.status === 'fulfilled' ? r.value : r.reason.message);
});
Promise.allSettled([]).then((rs) => log('allSettled of []:', rs.length));

Promise.any([later('slow', 20), Promise.reject(new Error('first')), later('fast', 5)])
  .then((v) => log('any:', v));
Promise.any([Promise.reject(new Error('a')), later(new Error('b'), 5, true)]).catch((e) => {
  log('any rejects:', e.constructor.name, e.message);
  log('errors:', e.errors.map((x) => x.message).join());
});
Promise.any([]).catch((e) => log('any of []:', e.constructor.name, e.errors.length));

let tick = 0;
function count() {
  if (tick < 10) {
    tick++;
    Promise.resolve().then(count);
  }
}
Promise.resolve().then(count);
Promise.allSettled([1]).then(() => log('allSettled settles at tick', tick));
Promise.any([1]).then(() => log('any settles at tick', tick));
(async () => {
  const rs = await Promise.allSettled([Promise.resolve(1)]);
  log('awaited allSettled at tick', tick, rs[0].value);
})();
log('sync end');
