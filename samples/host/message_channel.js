// MessageChannel messages are tasks (posted message task source): they run after the
// microtasks, in the order they were queued with other tasks, each followed by a
// microtask checkpoint. A common way to get a task without setTimeout's clamping.
const log = (s) => console.log(s);
const { port1, port2 } = new MessageChannel();
let count = 0;
port1.onmessage = (e) => {
  log('message ' + e.data);
  Promise.resolve().then(() => log('  promise after message ' + e.data));
  if (++count < 3) port2.postMessage(e.data + 1);
};
setTimeout(() => log('timeout 0 (queued before the first message)'), 0);
port2.postMessage(1);
setTimeout(() => log('timeout 0 (queued after the first message)'), 0);
Promise.resolve().then(() => log('promise'));
log('script end');
