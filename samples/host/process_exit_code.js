// process.exitCode sets the status of a normal end; process.exit() ends at once.
process.exitCode = 3;
setTimeout(() => {
  console.log('timer');
  process.nextTick(() => console.log('never: nextTick after exit'));
  if (process.exitCode === 3) process.exit(4);
  console.log('never: after exit');
}, 1);
setTimeout(() => console.log('never: second timer'), 2);
console.log('script end');
