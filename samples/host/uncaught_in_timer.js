// An exception thrown by a timer callback ends the process (exit status 1) before any
// other job runs, as in node: the nextTick and the second timer never run.
setTimeout(() => {
  console.log('first timer');
  process.nextTick(() => console.log('never: nextTick'));
  null.boom;
}, 1);
setTimeout(() => console.log('never: second timer'), 2);
console.log('script end');
