// for await (async of x): `async` is an ordinary identifier on the left-hand side
// (the `async of` lookahead restriction is for-of's only).
let async;
async function main() {
    for await (async of [7, Promise.resolve(8)]) console.log('async =', async);
    const f = async (a = () => await) => a; // await in a nested arrow's body is an identifier reference
    console.log(typeof f);
}
var await = 'not reserved in scripts';
main();
// expect: async = 7
// expect: async = 8
// expect: function
