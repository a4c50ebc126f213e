// An unhandled rejection ends node 20 (exit status 1) once the microtask queue is empty:
// microtasks already queued still run, timers do not.
Promise.reject(new Error('nobody catches this'));
Promise.resolve().then(() => console.log('microtask still runs'));
process.nextTick(() => console.log('nextTick still runs'));
setTimeout(() => console.log('never: timer'), 0);
console.log('script end');
