// The same ES module in node and in the browser (no process, no setImmediate): the
// module body and its top-level awaits, microtasks (queueMicrotask and promise jobs in
// one FIFO), and timers. Both hosts print the same until the last two timers: node makes
// setTimeout(f, 0) a 1 ms timer, so 'timeout 1 ms' (queued first) fires first; the
// browser has no 1 ms minimum, so 'timeout 0 ms' fires first.
console.log('module start, this is', this);
setTimeout(() => console.log('timeout queued at the top'), 0);
queueMicrotask(() => console.log('microtask 1'));
Promise.resolve().then(() => console.log('promise 1'));
queueMicrotask(() => console.log('microtask 2'));
await null;
console.log('after await null');
const v = await new Promise((resolve) => setTimeout(() => resolve('timer value'), 5));
console.log('awaited', v);
setTimeout(() => console.log('timeout 1 ms'), 1);
setTimeout(() => console.log('timeout 0 ms'), 0);
Promise.resolve().then(() => console.log('promise after the await'));
console.log('module end');
