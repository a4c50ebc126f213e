// Promise.prototype.finally: thenFinally/catchFinally pass the value or reason through,
// a throwing or rejecting onFinally wins, and each costs two extra ticks.
const log = (...a) => console.log(...a);
Promise.resolve(1).finally(() => log('f1')).then(v => log('after f1', v));
Promise.reject(2).finally(() => log('f2')).catch(e => log('after f2', e));
Promise.resolve(3).finally(() => { throw 'f3 threw'; }).catch(e => log('after f3', e));
Promise.resolve(4).finally(() => Promise.reject('f4 rejected')).catch(e => log('after f4', e));
Promise.resolve(5).finally(() => new Promise(r => r(55))).then(v => log('after f5', v));
Promise.resolve(6).finally().then(v => log('after f6', v));
Promise.resolve(7).finally(8).then(v => log('after f7', v));
Promise.resolve(9).then(v => log('plain then', v)).then(() => log('plain then 2')).then(() => log('plain then 3')).then(() => log('plain then 4'));
log(Promise.prototype.finally.call({ then(a, b) { return [typeof a, typeof b]; } }, 1).join());
log(Promise.prototype.finally.call({ then(a, b) { return [typeof a, typeof b]; } }, () => {}).join());
// expect: number,number
// expect: function,function
// expect: f1
// expect: f2
// expect: plain then 9
// expect: after f3 f3 threw
// expect: after f6 6
// expect: after f7 7
// expect: plain then 2
// expect: plain then 3
// expect: after f1 1
// expect: after f2 2
// expect: after f4 f4 rejected
// expect: after f5 5
// expect: plain then 4
