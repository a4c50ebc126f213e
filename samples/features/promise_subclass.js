// Ours: class P extends Promise. then() builds its derived promise through
// Symbol.species (a P, unless species says otherwise), Promise.resolve returns its
// argument only when the constructors match, and awaiting a P is not awaiting a native
// promise: PromiseResolve wraps it, so it costs the thenable job's ticks.
const log = (...args) => console.log(...args);
let made = 0;

class P extends Promise {
  constructor(executor) {
    made++;
    super(executor);
  }
  static get [Symbol.species]() { return P; }
}

class Plain extends Promise {
  static get [Symbol.species]() { return Promise; }
}

const p = new P((r) => r(1));
const derived = p.then((v) => v + 1);
log('derived is P:', derived instanceof P, 'constructed:', made);
derived.then((v) => log('P chain value:', v));
log('P.resolve(p) === p:', P.resolve(p) === p);
log('Promise.resolve(p) === p:', Promise.resolve(p) === p);
log('species Promise:', new Plain((r) => r()).then(() => {}) instanceof Plain);
log('P.all is P:', P.all([1]) instanceof P);
log('finally keeps P:', p.finally(() => {}) instanceof P);

let tick = 0;
function count() {
  if (tick < 10) {
    tick++;
    Promise.resolve().then(count);
  }
}
Promise.resolve().then(count);
(async () => {
  await Promise.resolve();
  log('await native at tick', tick);
})();
(async () => {
  await new P((r) => r());
  log('await subclass at tick', tick);
})();
(async () => {
  const v = await P.resolve('sub');
  log('await value of P.resolve:', v, 'at tick', tick);
})();
log('sync end, constructed:', made);
