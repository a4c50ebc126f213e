// queueMicrotask shares the microtask queue with promise jobs (V8's queue): FIFO between
// them. In node, nextTicks still run first after the script.
const log = (s) => console.log(s);
queueMicrotask(() => log('microtask 1'));
Promise.resolve().then(() => {
  log('promise 1');
  queueMicrotask(() => log('microtask from promise 1'));
});
queueMicrotask(() => {
  log('microtask 2');
  Promise.resolve().then(() => log('promise from microtask 2'));
});
if (typeof process !== 'undefined') process.nextTick(() => log('nextTick (node only)'));
setTimeout(() => {
  log('timeout');
  queueMicrotask(() => log('microtask from timeout'));
}, 0);
log('script end');
