// Promise jobs: an await loop and then-chains (the job queue, Await, reactions).
async function worker(id, n) {
    let s = 0
    for (let i = 0; i < n; i++) s += await i
    return s + id
}
let chained = Promise.resolve(0)
for (let i = 0; i < 50000; i++) chained = chained.then(v => v + 1)
Promise.all([worker(1, 100000), worker(2, 100000), chained]).then(r => console.log(r.join(' ')))
