// Inside a timer callback, setImmediate always runs before setTimeout(f, 0): the check
// phase comes before the next timers phase. nextTicks queued by an immediate run before
// the next immediate (node >= 11) or after all of them (node 10).
const log = (s) => console.log(s);
setTimeout(() => {
  log('timeout');
  setTimeout(() => log('timeout 0 from timeout'), 0);
  setImmediate(() => {
    log('immediate from timeout');
    setTimeout(() => log('timeout 20 from immediate'), 20);
    process.nextTick(() => log('  nextTick from immediate'));
  });
  setImmediate(() => log('second immediate from timeout'));
}, 2);
