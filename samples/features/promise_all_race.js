// Ours: Promise.all and Promise.race: results in input order whatever the settle order,
// plain values and thenables in the input, the first rejection wins, an empty input,
// a non-iterable input; and the ticks they take against a then-chain.
const log = (...args) => console.log(...args);
const later = (v, ms) => new Promise((r) => setTimeout(() => r(v), ms));

Promise.all([later('slow', 20), 'plain', Promise.resolve('fast'), { then(r) { r('thenable'); } }])
  .then((v) => log('all:', v.join(' ')));
Promise.all([later('never seen', 10), Promise.reject(new Error('first rejection')), Promise.reject(new Error('second'))])
  .catch((e) => log('all rejects:', e.message));
Promise.all([]).then((v) => log('all of []:', v.length));
Promise.all(42).catch((e) => log('all(42):', e.constructor.name));

Promise.race([later('slow', 20), later('fast', 5)]).then((v) => log('race:', v));
Promise.race([Promise.reject(new Error('race rejection')), 'value'])
  .catch((e) => log('race rejects first:', e.message));
Promise.race(['value', Promise.reject(new Error('late'))]).then((v) => log('race value first:', v));
const never = Promise.race([]);
setTimeout(() => log('race([]) still pending:', never instanceof Promise), 30);

function* gen() { yield 1; yield Promise.resolve(2); }
Promise.all(gen()).then((v) => log('all of a generator:', v.join()));

let tick = 0;
function count() {
  if (tick < 10) {
    tick++;
    Promise.resolve().then(count);
  }
}
Promise.resolve().then(count);
Promise.all([1, 2]).then(() => log('all of values settles at tick', tick));
Promise.race([1, 2]).then(() => log('race of values settles at tick', tick));
log('sync end');
