// Top-level await in an ES module: the module body evaluates like an async function
// body (ECMA-262 ExecuteAsyncModule / AsyncBlockStart). Each await suspends the module;
// the rest of the body runs in a promise job, and in node the nextTick queue waits until
// the promise jobs have drained.
console.log('1: before the first await');
setTimeout(() => console.log('timeout (1 ms)'), 0);
process.nextTick(() => console.log('nextTick queued before the await'));
await null;
console.log('2: after await null');
process.nextTick(() => console.log('nextTick queued after the await'));
Promise.resolve().then(() => console.log('promise queued after the await'));
const v = await new Promise((resolve) => setTimeout(() => resolve('timer value'), 5));
console.log('3: awaited', v);
for await (const x of [Promise.resolve('a'), 'b']) console.log('for await:', x);
await Promise.all([1, Promise.resolve(2)]).then((r) => console.log('all:', r.join(',')));
setImmediate(() => console.log('immediate'));
console.log('4: module end');
