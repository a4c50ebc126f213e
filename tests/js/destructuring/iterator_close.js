// IteratorClose (ecma262 #sec-iteratorclose): an abrupt completion inside an array pattern
// closes the iterator unless it is done; a return completion (break, return, a
// generator's return()) throws TypeError when return() gives a non-object; property
// targets of destructuring assignment are evaluated before the value they receive.
function mk(ret, log) {
  return { [Symbol.iterator]() { return { i: 0, next() { log.push('next'); return { done: false, value: this.i++ }; }, return() { log.push('return'); return ret; } }; } };
}
function run(name, f) {
  const log = [];
  try { f(log); console.log(name, 'ok', log.join() || '-'); } catch (e) { console.log(name, e.constructor.name, e.message, log.join() || '-'); }
}
run('throw in target', (log) => { [ {}[(() => { throw new Error('boom'); })()] ] = mk({}, log); });
run('throw in default', (log) => { const [a = (() => { throw new Error('d'); })()] = [undefined]; });
run('throw in default iter', (log) => { const [a, b = (() => { throw new Error('d'); })()] = mk({}, log); });
run('normal null', (log) => { const [a] = mk(null, log); });
run('normal obj', (log) => { const [a, b] = mk({}, log); });
run('rest', (log) => { const [a, ...r] = [1, 2, 3]; log.push(r.length); });
run('for-of break null', (log) => { for (const x of mk(null, log)) break; });
run('for-of return null', (log) => { (function () { for (const x of mk(5, log)) return; })(); });
run('for-of throw null', (log) => { for (const x of mk(null, log)) throw new Error('t'); });
function* g(log) { var x; [x = yield] = mk(null, log); }
run('gen return null', (log) => { const it = g(log); it.next(); it.return(7); });
function* g2(log) { var x; [x = yield] = mk({}, log); }
run('gen return obj', (log) => { const it = g2(log); it.next(); console.log(JSON.stringify(it.return(7))); });
function* g3(log) { yield* mk(null, log); }
run('yield* return null', (log) => { const it = g3(log); it.next(); it.return(7); });
function* g4(log) { for (const x of mk(3, log)) yield x; }
run('for-of in gen return', (log) => { const it = g4(log); it.next(); it.return(7); });
run('nested', (log) => { const [[a, b = (() => { throw new Error('n'); })()]] = mk(mk({}, log), log); });
const order = [];
const src = { get a() { order.push('get a'); return 1; }, get b() { order.push('get b'); return 2; } };
const tgt = { set x(v) { order.push('set x ' + v); } };
function obj() { order.push('obj'); return tgt; }
function key() { order.push('key'); return 'x'; }
({ a: obj()[key()], b: obj().x } = src);
console.log(order.join(', '));
order.length = 0;
[obj()[key()], obj().x = 5] = { [Symbol.iterator]() { return { next() { order.push('next'); return { done: false, value: undefined }; }, return() { order.push('ret'); return {}; } }; } };
console.log(order.join(', '));
order.length = 0;
({ a: obj().x, ...obj()[key()] } = src);
console.log(order.join(', '));
let q; [q = 1, ...q2] = [undefined, 2, 3]; var q2; console.log(q, q2);
// expect: throw in target Error boom return
// expect: throw in default Error d -
// expect: throw in default iter ok next,next,return
// expect: normal null TypeError Iterator result null is not an object next,return
// expect: normal obj ok next,next,return
// expect: rest ok 2
// expect: for-of break null TypeError Iterator result null is not an object next,return
// expect: for-of return null TypeError Iterator result 5 is not an object next,return
// expect: for-of throw null Error t next,return
// expect: gen return null TypeError Iterator result null is not an object next,return
// expect: {"value":7,"done":true}
// expect: gen return obj ok next,return
// expect: yield* return null TypeError Iterator result null is not an object next,return
// expect: for-of in gen return TypeError Iterator result 3 is not an object next,return
// expect: nested TypeError number 0 is not iterable (cannot read property Symbol(Symbol.iterator)) next,return
// expect: obj, key, get a, set x 1, obj, get b, set x 2
// expect: obj, key, next, set x undefined, obj, next, set x 5, ret
// expect: obj, get a, set x 1, obj, key, get b, set x [object Object]
// expect: 1 [ 2, 3 ]
