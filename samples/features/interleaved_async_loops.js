// Ours: two async loops and a then-chain take turns on the microtask queue. Each
// `await` of a native promise costs 1 tick in es2019 and 3 in es2017; `await` of a
// plain value costs 1 in both, so the loops drift apart differently in each mode.
async function loopA() {
  for (let i = 0; i < 3; i++) {
    await Promise.resolve(i);
    console.log('A', i);
  }
  return 'A done';
}

async function loopB() {
  for (let i = 0; i < 3; i++) {
    await i;
    console.log('B', i);
  }
  return 'B done';
}

let n = 0;
function chain() {
  console.log('then', n);
  if (++n < 6) return Promise.resolve().then(chain);
}

loopA().then(console.log);
loopB().then(console.log);
Promise.resolve().then(chain);
(async () => {
  for (const p of [Promise.resolve('x'), 'y', Promise.resolve('z')]) {
    console.log('C', await p);
  }
})();
console.log('sync end');
