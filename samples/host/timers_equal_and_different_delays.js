// Timers with equal and different delays, each queueing a microtask and a nextTick.
// Node runs timers by due time, then in creation order within one duration; node >= 11
// drains nextTicks and microtasks after every callback, node 10 only after each list.
const log = (s) => console.log(s);
setTimeout(() => { log('A 10ms'); Promise.resolve().then(() => log('  micro after A')); }, 10);
setTimeout(() => { log('B 5ms'); process.nextTick(() => log('  tick after B')); }, 5);
setTimeout(() => { log('C 10ms'); Promise.resolve().then(() => log('  micro after C')); }, 10);
setTimeout(() => { log('D 5ms'); Promise.resolve().then(() => log('  micro after D')); }, 5);
setTimeout(() => log('E 0ms (runs as 1ms)'), 0);
setTimeout(() => log('F 1ms'), 1);
setTimeout(() => log('G 20ms'), 20);
log('script end');
