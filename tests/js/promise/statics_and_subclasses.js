// Promise.resolve/reject, the constructor's checks with V8's messages, subclassing and
// Symbol.species.
const log = (...a) => console.log(...a);
const p = Promise.resolve(1);
log(Promise.resolve(p) === p);
class Sub extends Promise {}
log(Promise.resolve(new Sub(r => r())) === p, Sub.resolve(p) === p);
const s = Sub.resolve(5);
log(s instanceof Sub, s instanceof Promise, s.then(() => {}) instanceof Sub);
log(Object.prototype.toString.call(p), ('' + p), typeof Promise, Promise.length, Promise.name);
log(Promise.prototype.then.length, Promise.prototype.catch.length, Promise.prototype.finally.length);
log(Promise.all.length, Promise.resolve.length, Promise.reject.length, Promise.race.length);
log(Promise[Symbol.species] === Promise, Sub[Symbol.species] === Sub);
const d = Object.getOwnPropertyDescriptor(Promise, Symbol.species);
log(typeof d.get, d.set, d.configurable, d.enumerable, d.get.name);
log(Object.getOwnPropertyNames(Promise.prototype).join());
const t = (f) => { try { f(); log('no throw'); } catch (e) { log(e.constructor.name + ': ' + e.message); } };
t(() => new Promise());
t(() => new Promise(1));
t(() => new Promise({}));
t(() => new Promise('abc'));
t(() => Promise(() => {}));
t(() => Promise.prototype.then.call(1));
t(() => Promise.prototype.then.call({}));
t(() => Promise.resolve.call(1));
t(() => Promise.reject.call(1));
t(() => Promise.all.call(1));
t(() => Promise.resolve.call({}));
t(() => Promise.prototype.finally.call(1));
t(() => { const q = Promise.resolve(); q.constructor = 1; q.then(); });
t(() => { const q = Promise.resolve(); q.constructor = { [Symbol.species]: 1 }; q.then(); });
t(() => { function C(ex) { ex(() => {}, () => {}); ex(() => {}, () => {}); } Promise.resolve.call(C, 1); });
t(() => { function C(ex) { ex(1, 2); } Promise.resolve.call(C, 1); });
Promise.reject(new TypeError('rej')).catch(e => log('reject:', e.message));
new Promise((_, rej) => rej('x')).then(null, r => log('rejected with', r));
new Promise(() => { throw new RangeError('in executor'); }).catch(e => log(e.name, e.message));
new Promise((res) => { res(1); throw new Error('after resolve'); }).then(v => log('kept', v));
// species: then uses constructor[Symbol.species]
class MyP extends Promise {
  static get [Symbol.species]() { log('species read'); return Promise; }
}
const mp = new MyP(r => r(1));
const derived = mp.then(x => x);
log(derived instanceof MyP, derived instanceof Promise);
// subclass constructor runs for then
let count = 0;
class Counted extends Promise { constructor(ex) { count++; super(ex); } }
Counted.resolve(1).then(() => {}).finally(() => log('counted', count));
// expect: true
// expect: false false
// expect: true true true
// expect: [object Promise] [object Promise] function 1 Promise
// expect: 2 1 1
// expect: 1 1 1 1
// expect: true true
// expect: function undefined true false get [Symbol.species]
// expect: constructor,then,catch,finally
// expect: TypeError: Promise resolver undefined is not a function
// expect: TypeError: Promise resolver 1 is not a function
// expect: TypeError: Promise resolver #<Object> is not a function
// expect: TypeError: Promise resolver abc is not a function
// expect: TypeError: Promise constructor cannot be invoked without 'new'
// expect: TypeError: Method Promise.prototype.then called on incompatible receiver 1
// expect: TypeError: Method Promise.prototype.then called on incompatible receiver #<Object>
// expect: TypeError: PromiseResolve called on non-object
// expect: TypeError: PromiseReject called on non-object
// expect: TypeError: Promise.all called on non-object
// expect: TypeError: #<Object> is not a constructor
// expect: TypeError: Promise.prototype.finally called on non-object
// expect: TypeError: The .constructor property is not an object
// expect: TypeError: object.constructor[Symbol.species] is not a constructor
// expect: TypeError: Promise executor has already been invoked with non-undefined arguments
// expect: TypeError: Promise resolve or reject function is not callable
// expect: species read
// expect: false true
// expect: reject: rej
// expect: rejected with x
// expect: RangeError in executor
// expect: kept 1
// expect: counted 3
