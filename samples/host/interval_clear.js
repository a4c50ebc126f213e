// setInterval repeats until clearInterval; a timeout between two periods runs between
// them; clearing inside the callback stops it at once.
const log = (s) => console.log(s);
let n = 0;
const id = setInterval(() => {
  n++;
  log('tick ' + n);
  Promise.resolve().then(() => log('  micro after tick ' + n));
  if (n === 3) {
    clearInterval(id);
    log('cleared');
  }
}, 40);
setTimeout(() => log('timeout 100ms, between tick 2 and tick 3'), 100);
setTimeout(() => log('timeout 200ms, after the last tick'), 200);
