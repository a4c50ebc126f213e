// An ES module's top level (node): the module body runs inside a promise job, so the
// promise jobs it queues drain before the nextTick queue (a CommonJS script runs the
// nextTicks first). Module code is strict and its top-level `this` is undefined.
console.log('module start, this is', this);
process.nextTick(() => console.log('nextTick 1'));
Promise.resolve().then(() => console.log('promise 1'));
setTimeout(() => console.log("timeout"), 0);
Promise.resolve().then(() => {
    console.log('promise 2');
    process.nextTick(() => console.log('nextTick from a promise job'));
});
process.nextTick(() => {
    console.log('nextTick 2');
    Promise.resolve().then(() => console.log('promise from a nextTick'));
});
try {
    undeclared = 1; // strict mode: a ReferenceError
} catch (e) {
    console.log('strict:', e.name);
}
console.log('module end');
