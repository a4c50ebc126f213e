// A microtask checkpoint runs after each event listener, not only after the task: the
// promise queued by the first listener runs before the second listener.
const log = (s) => console.log(s);
window.addEventListener('message', () => {
  log('listener 1');
  Promise.resolve().then(() => log('  promise from listener 1'));
});
window.addEventListener('message', () => {
  log('listener 2');
  Promise.resolve().then(() => log('  promise from listener 2'));
});
window.postMessage('go', '*');
log('script end');
