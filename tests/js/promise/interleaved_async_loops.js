// Interleaved async loops and then-chains: each await of a non-promise costs one tick.
const log = (...a) => console.log(...a);
async function loop(name, n) { for (let i = 0; i < n; i++) { log(name, i); await null; } }
loop('A', 4); loop('B', 3);
Promise.resolve().then(() => log('P1')).then(() => log('P2')).then(() => log('P3'));
async function waitP(name) { await new Promise(r => r()); log(name, 'after new promise'); await Promise.resolve(); log(name, 'after resolve'); }
waitP('W');
(async () => { const v = await new Promise(r => Promise.resolve().then(() => r('later'))); log('got', v); })();
// expect: A 0
// expect: B 0
// expect: A 1
// expect: B 1
// expect: P1
// expect: W after new promise
// expect: A 2
// expect: B 2
// expect: P2
// expect: W after resolve
// expect: got later
// expect: A 3
// expect: P3
