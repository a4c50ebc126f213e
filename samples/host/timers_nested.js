// Nested timers: a timer armed inside a timer callback waits for a later timers phase,
// even with delay 0; microtasks queued by each callback run before the next callback.
const log = (s) => console.log(s);
setTimeout(() => {
  log('outer 1');
  setTimeout(() => {
    log('inner 1');
    setTimeout(() => log('innermost'), 0);
    Promise.resolve().then(() => log('  micro in inner 1'));
  }, 0);
  Promise.resolve().then(() => log('  micro in outer 1'));
}, 0);
setTimeout(() => {
  log('outer 2');
  setTimeout(() => log('inner 2'), 0);
}, 0);
log('script end');
