// Seed 003's puzzle without its setTimeout: in es2019 (node 12+) async1 end comes
// before promise2 (await of a native promise costs 1 tick).
async function async1() {
    console.log('async1 start');
    await async2();
    console.log('async1 end');
}

async function async2() {
    console.log('async2');
}

console.log('script start');

async1();

new Promise(function (resolve) {
    console.log('promise1');
    resolve();
}).then(function() {
    console.log('promise2');
});

console.log('script end');
// expect: script start
// expect: async1 start
// expect: async2
// expect: promise1
// expect: script end
// expect: async1 end
// expect: promise2
