// Microtasks and nextTicks queued by timers and immediates that run in the same phase.
// node >= 11 runs them after each callback; node 10 after the whole timer list (same
// delay) or the whole check phase.
const log = (s) => console.log(s);
setTimeout(() => {
  log('timer 1');
  Promise.resolve().then(() => log('  promise in timer 1'));
  process.nextTick(() => log('  nextTick in timer 1'));
}, 0);
setTimeout(() => {
  log('timer 2');
  Promise.resolve().then(() => log('  promise in timer 2'));
}, 0);
setTimeout(() => {
  setImmediate(() => {
    log('immediate 1');
    Promise.resolve().then(() => log('  promise in immediate 1'));
  });
  setImmediate(() => {
    log('immediate 2');
    process.nextTick(() => log('  nextTick in immediate 2'));
  });
}, 5);
