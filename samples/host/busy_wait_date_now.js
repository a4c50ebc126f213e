// A busy-wait on Date.now() ends (running code costs virtual time), and timers armed
// before it are due when it ends: the 5 ms timer runs before the 1 ms timer armed after
// the wait.
const log = (s) => console.log(s);
setTimeout(() => log('armed before the wait, 5ms'), 5);
const start = Date.now();
let spins = 0;
while (Date.now() - start < 30) spins++;
log('waited at least 30ms: ' + (Date.now() - start >= 30));
log('spun: ' + (spins > 0));
setTimeout(() => log('armed after the wait, 1ms'), 1);
const t0 = Date.now();
setTimeout(() => log('Date.now advanced: ' + (Date.now() - t0 >= 5)), 10);
