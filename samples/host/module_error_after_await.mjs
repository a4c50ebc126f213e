// An error thrown by an ES module after a top-level await ends node with status 1, but
// not at once: the module's evaluation promise rejects, and node's loader awaits it
// through three more promise jobs before it reports the error as uncaught. Promise jobs
// queued earlier keep running meanwhile; nextTicks and timers never run.
process.nextTick(() => console.log('nextTick (never runs)'));
setTimeout(() => console.log('timeout (never runs)'), 0);
Promise.resolve()
    .then(() => console.log('p1'))
    .then(() => console.log('p2'))
    .then(() => console.log('p3'))
    .then(() => console.log('p4'))
    .then(() => console.log('p5'))
    .then(() => console.log('p6 (never runs)'));
await null;
console.log('after the await');
throw new Error('boom');
