// process.nextTick and promise jobs, nested both ways. After the script (a CommonJS
// module) node runs every queued nextTick, then every microtask, and again: a nextTick
// queued by a promise job waits until the microtask queue is empty; a promise job
// queued by a nextTick waits until the nextTick queue is empty.
const log = (s) => console.log(s);
Promise.resolve().then(() => {
  log('promise 1');
  process.nextTick(() => log('nextTick from promise 1'));
  Promise.resolve().then(() => log('promise from promise 1'));
});
process.nextTick(() => {
  log('nextTick 1');
  process.nextTick(() => log('nextTick from nextTick 1'));
  Promise.resolve().then(() => {
    log('promise from nextTick 1');
    process.nextTick(() => log('nextTick from promise from nextTick 1'));
  });
});
Promise.resolve().then(() => log('promise 2'));
process.nextTick(() => log('nextTick 2'));
log('script end');
