// A module that awaits a promise nobody resolves: when the event loop runs out of work
// node exits with status 13 (unsettled top-level await). The timer still fires first.
setTimeout(() => console.log('timeout fired'), 10);
console.log('waiting forever');
await new Promise(() => {});
console.log('never printed');
