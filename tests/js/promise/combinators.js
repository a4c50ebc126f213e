// Promise.all, allSettled, any (AggregateError), race: results, errors, iterables,
// iterator closing when the constructor's resolve throws.
const log = (...a) => console.log(...a);
Promise.all([1, Promise.resolve(2), { then(r) { r(3); } }]).then(v => log('all', v.join(',')));
Promise.all([]).then(v => log('all empty', v.length));
Promise.all([1, Promise.reject(new Error('boom')), 3]).catch(e => log('all rejected', e.message));
Promise.allSettled([1, Promise.reject(2)]).then(r => log('allSettled', JSON.stringify(r)));
Promise.any([Promise.reject(1), Promise.resolve(2)]).then(v => log('any', v));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => log('any err', e.name, e.message, e.errors.join(','), Object.keys(e).length));
Promise.any([]).catch(e => log('any empty', e.constructor === AggregateError, e.errors.length));
Promise.race([new Promise(() => {}), Promise.resolve('fast')]).then(v => log('race', v));
Promise.race([]).then(() => log('never'));
Promise.all(1).catch(e => log(e.constructor.name, e.message));
Promise.all(undefined).catch(e => log(e.constructor.name, e.message));
Promise.race(null).catch(e => log(e.constructor.name, e.message));
Promise.allSettled({}).catch(e => log(e.constructor.name, e.message));
function* gen() { yield 1; yield Promise.resolve(2); }
Promise.all(gen()).then(v => log('gen', v.join(',')));
Promise.all('ab').then(v => log('string', v.join(',')));
// interleaving order between combinators
Promise.resolve().then(() => log('tick1')).then(() => log('tick2')).then(() => log('tick3')).then(() => log('tick4'));
// iterator closing on error
const it = { [Symbol.iterator]() { let i = 0; return { next() { i++; return { value: i, done: i > 3 }; }, return() { log('closed'); return {}; } }; } };
const C = function (ex) { return new Promise(ex); };
C.resolve = function (v) { if (v === 2) throw new Error('resolve threw'); return Promise.resolve(v); };
Promise.all.call(C, it).catch(e => log('closed all:', e.message));
// expect: closed
// expect: all empty 0
// expect: any empty true 0
// expect: TypeError number 1 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError undefined is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError object null is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: tick1
// expect: closed all: resolve threw
// expect: all rejected boom
// expect: allSettled [{"status":"fulfilled","value":1},{"status":"rejected","reason":2}]
// expect: any 2
// expect: any err AggregateError All promises were rejected 1,2 0
// expect: race fast
// expect: gen 1,2
// expect: string a,b
// expect: tick2
// expect: all 1,2,3
// expect: tick3
// expect: tick4
