// requestAnimationFrame callbacks run in the rendering step, all those requested before
// it, each followed by a microtask checkpoint; one requested inside runs in the next
// frame, after a 0 ms timeout queued by the same callback.
const log = (s) => console.log(s);
requestAnimationFrame(() => {
  log('frame 1, callback 1');
  Promise.resolve().then(() => log('  promise from frame 1, callback 1'));
  setTimeout(() => log('timeout 0 from frame 1'), 0);
  requestAnimationFrame(() => log('frame 2'));
});
requestAnimationFrame(() => log('frame 1, callback 2'));
const cancelled = requestAnimationFrame(() => log('never: cancelled'));
cancelAnimationFrame(cancelled);
setTimeout(() => log('timeout 300ms, after both frames'), 300);
log('script end');
