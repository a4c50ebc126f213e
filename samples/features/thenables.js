// Ours: thenable objects as resolution values and as awaited values. A `then` is read
// once (a getter shows it), called in a PromiseResolveThenableJob one tick later, and
// only its first call back counts; a `then` that throws rejects, unless it already
// called back; a `then` that calls back synchronously still waits for its job.
const log = (...args) => console.log(...args);

let reads = 0;
const getterThenable = {
  get then() {
    reads++;
    log('then read', reads);
    return (resolve) => resolve('from getter');
  },
};
Promise.resolve(getterThenable).then((v) => log('getter:', v, 'reads:', reads));

const throwing = { then() { throw new Error('then threw'); } };
Promise.resolve(throwing).catch((e) => log('throwing:', e.message));

const twice = {
  then(resolve, reject) {
    resolve('first');
    resolve('second');
    reject(new Error('ignored'));
  },
};
new Promise((r) => r(twice)).then((v) => log('twice:', v));

const resolvedThenThrows = {
  then(resolve) {
    resolve('kept');
    throw new Error('too late');
  },
};
Promise.resolve(resolvedThenThrows).then((v) => log('resolve then throw:', v));

const sync = { then(resolve) { log('sync then called'); resolve('sync'); } };
Promise.resolve(sync).then((v) => log('sync:', v));

(async () => {
  log('await thenable:', await { then(r) { r('awaited'); } });
  try {
    await { then(_, reject) { reject(new Error('rejected thenable')); } };
  } catch (e) {
    log('caught:', e.message);
  }
  const nested = { then(r) { r({ then(r2) { r2('nested'); } }); } };
  log('nested:', await nested);
})();

// Ticks, against a counter of plain reactions.
let tick = 0;
function count() {
  if (tick < 10) {
    tick++;
    Promise.resolve().then(count);
  }
}
Promise.resolve().then(count);
Promise.resolve({ then(r) { r(); } }).then(() => log('thenable settles at tick', tick));
Promise.resolve(Promise.resolve()).then(() => log('native promise at tick', tick));
new Promise((r) => r(Promise.resolve())).then(() => log('resolve(native) at tick', tick));
log('sync end');
