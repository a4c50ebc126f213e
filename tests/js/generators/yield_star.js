// yield* (sync): values sent in, return value, return()/throw() forwarded, finally in the
// inner generator, a delegate without throw() is closed, inner results pass through as is.
function* inner() { const x = yield 1; console.log('inner got', x); try { yield 2 } finally { console.log('inner finally') } return 'r' }
function* outer() { const r = yield* inner(); console.log('outer got', r); yield* [10, 20]; return 'done' }
const g = outer();
console.log(g.next('a'), g.next('b'), g.next('c'), g.next('d'), g.next('e'), g.next('f'));
const g2 = outer(); g2.next(); g2.next();
console.log(g2.return('R'));
const g3 = outer(); g3.next(); g3.next();
try { g3.throw(new Error('T')) } catch (e) { console.log('caught', e.message) }
function* noThrow() { yield* { [Symbol.iterator]() { return { next() { return { value: 1, done: false } }, return() { console.log('closed'); return {} } } } } }
const g4 = noThrow(); g4.next(); try { g4.throw(1) } catch (e) { console.log(e.constructor.name, e.message) }
const r1 = { value: 5, done: false, extra: true };
function* raw() { yield* { [Symbol.iterator]() { return { next() { return r1 } } } } }
console.log(raw().next() === r1);
function* noRet() { yield* { [Symbol.iterator]() { return { next() { return { value: 1, done: false } } } } } }
const g5 = noRet(); g5.next(); console.log(g5.return(9));
function* strs() { yield* 'ab' } console.log([...strs()]);

// expect: inner got b
// expect: inner finally
// expect: outer got r
// expect: { value: 1, done: false } { value: 2, done: false } { value: 10, done: false } { value: 20, done: false } { value: 'done', done: true } { value: undefined, done: true }
// expect: inner got undefined
// expect: inner finally
// expect: { value: 'R', done: true }
// expect: inner got undefined
// expect: inner finally
// expect: caught T
// expect: closed
// expect: TypeError The iterator does not provide a 'throw' method.
// expect: true
// expect: { value: 9, done: true }
// expect: [ 'a', 'b' ]
