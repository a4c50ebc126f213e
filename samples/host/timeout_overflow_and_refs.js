// A delay above 2^31-1 becomes 1 ms (with node's TimeoutOverflowWarning on stderr); an
// unref'd timer does not keep the loop alive; refresh() re-arms a timer from now.
const log = (s) => console.log(s);
setTimeout(() => log('overflowed delay ran as 1ms'), 2 ** 31);
setTimeout(() => log('5ms'), 5);
const lonely = setTimeout(() => log('never: unref\'d 100ms'), 100);
lonely.unref();
log('hasRef after unref: ' + lonely.hasRef());
const r = setTimeout(() => log('refreshed 10ms timer'), 10);
setTimeout(() => { log('8ms: refresh the 10ms timer'); r.refresh(); }, 8);
setTimeout(() => log('15ms'), 15);
const cleared = setTimeout(() => log('never: cleared'), 3);
clearTimeout(cleared);
const byId = setTimeout(() => log('never: cleared by its number'), 4);
clearTimeout(+byId);
