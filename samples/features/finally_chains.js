// Ours: Promise.prototype.finally passes the value or the reason through, replaces it
// when its callback throws or returns a rejected promise, and waits for a promise it
// returns; each finally costs two more ticks than a then (thenFinally's
// PromiseResolve + then).
const log = (...args) => console.log(...args);

Promise.resolve(1)
  .finally(() => { log('finally 1'); return 'ignored'; })
  .then((v) => log('value passes:', v));

Promise.reject(new Error('r'))
  .finally(() => log('finally 2'))
  .catch((e) => log('reason passes:', e.message));

Promise.resolve(2)
  .finally(() => { throw new Error('thrown in finally'); })
  .catch((e) => log('throw replaces:', e.message));

Promise.resolve(3)
  .finally(() => Promise.reject(new Error('rejected in finally')))
  .catch((e) => log('rejection replaces:', e.message));

Promise.resolve(4)
  .finally(() => new Promise((r) => setTimeout(() => { log('timer in finally'); r(); }, 0)))
  .then((v) => log('waited for the timer:', v));

Promise.resolve(5)
  .finally()
  .finally(() => log('finally without a function before'))
  .then((v) => log('chain of finally:', v));

let tick = 0;
function count() {
  if (tick < 10) {
    tick++;
    Promise.resolve().then(count);
  }
}
Promise.resolve().then(count);
Promise.resolve().then(() => {}).then(() => log('then+then at tick', tick));
Promise.resolve().finally(() => {}).then(() => log('finally+then at tick', tick));

(async () => {
  try {
    await Promise.reject(new Error('in async'));
  } finally {
    log('async finally');
  }
})().catch((e) => log('async rejected:', e.message));
log('sync end');
