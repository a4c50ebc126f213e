// V8's wording of "is not iterable" (GetIterator, ecma262 #sec-getiterator) and of
// property-key callees in "is not a function": the operand's source text where V8 names
// it, "f is not a function or its return value" for calls, the value's description
// where it does not, and CallWithSpread's own messages for f(...x).
function t(f) { try { f(); console.log('no error'); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } }
{
    t(() => [...5]);
    t(() => { const [a] = 5; });
    t(() => { for (const x of 5); });
    t(() => { let x; for (x of 5); });
    const bad = 5, o = { p: 1, q: {} };
    t(() => [...bad]);
    t(() => { const [a] = bad; });
    t(() => { for (const x of bad); });
    t(() => { for (const x of o.p); });
    t(() => { for (const x of o.q); });
    t(() => { const [a] = o.q; });
    t(() => [...o.q]);
    t(() => Math.max(...bad));
    t(() => new Map(bad));
    t(() => Array.from({ [Symbol.iterator]: 5 }));
    t(() => { const [a] = {}; });
    t(() => { const [a] = null; });
    t(() => { const [a] = undefined; });
    t(() => { for (const x of undefined); });
    t(() => [...undefined]);
    t(() => [...null]);
    t(() => { const [a] = { [Symbol.iterator]() { return { next: 5 }; } }; });
    t(() => { for (const x of { [Symbol.iterator]() { return { next: 5 }; } }); });
    t(() => { const [a] = { [Symbol.iterator]() { return 5; } }; });
    t(() => { const [a] = { [Symbol.iterator]() { return { next() { return 5; } }; } }; });
    t(() => { function f(a, [b]) {} f(1, 2); });
    t(() => { const { a } = null; });
    t(() => { const [a] = true; });
    t(() => { const [a] = Symbol('s'); });
    t(() => { const [a] = 1.5; });
    t(() => { const [a] = function named() {}; });
    t(() => { const [a] = [1][0]; });
    t(() => { bad(); });
    t(() => { o.p(); });
    t(() => { new bad(); });
    t(() => { function* g() { yield* 5; } [...g()]; });
}
{
    const o = { p: 1, q: {}, n: null, f() { return 5; } }, e = {}, five = 5;
    function foo() { return 5; }
    t(() => { for (const x of {}); });
    t(() => { for (const x of e); });
    t(() => { for (const x of o.q); });
    t(() => { for (const x of o.n); });
    t(() => { for (const x of o['q']); });
    t(() => { for (const x of foo()); });
    t(() => { for (const x of o.f()); });
    t(() => { let x; for (x of e); });
    t(() => [...{}]);
    t(() => [...e]);
    t(() => [...o.q]);
    t(() => [...o.p]);
    t(() => [...foo()]);
    t(() => [...o.n]);
    t(() => [1, ...e]);
    t(() => foo(...e));
    t(() => foo(...five));
    t(() => foo(...o.q));
    t(() => { const [a] = foo(); });
    t(() => { const [a] = o.f(); });
    t(() => { const [a] = new Object(); });
    t(() => { const [a] = e; });
    t(() => { const [a] = o; });
    t(() => { let a; [a] = e; });
    t(() => { let a; [a] = five; });
    t(() => { const [a] = [1][0]; });
    t(() => { const [a] = o['p']; });
    t(() => { const [a] = five + 1; });
    t(() => { function f([a]) {} f(e); });
    t(() => { function f([a]) {} f(); });
    t(() => { new Set(e); });
    t(() => { new Set(5); });
    t(() => { Array.from(5); console.log('ok'); });
    t(() => { Promise.all(5).catch(x => console.log('rej', x.message)); });
    t(() => { function* g() { yield* e; } [...g()]; });
}
{
    const o = { p: 1, q: {}, n: null, f() { return 5; } }, k = 'p';
    function foo() { return 5; }
    t(() => o['p']());
    t(() => o['a b']());
    t(() => o[0]());
    t(() => o[k]());
    t(() => foo()());
    t(() => o.f()());
    t(() => foo(...o.q));
    t(() => foo(...null));
    t(() => foo(...undefined));
    t(() => foo(...5));
    t(() => foo(...k));
    t(() => new foo(...o.q));
    t(() => o.f(...o.q));
    t(() => Math.max(...o.q));
    t(() => Math.max(...o.p));
    t(() => foo(1, ...o.p));
    t(() => foo(...o.p, 1));
    t(() => { for (const x of o['q']); });
    t(() => { const [a] = o[0]; });
    t(() => { for (const x of o[0]); });
    t(() => { for (const x of o[k]); });
    t(() => { for (const x of new Object()); });
    t(() => [...new Object()]);
    t(() => { const [a] = (0, o.q); });
}
{
    const o = { p: 1, q: {}, n: null }, e = {};
    function foo() {}
    t(() => foo(...e, ...e));
    t(() => foo(...[], ...e));
    t(() => foo(...e, 1));
    t(() => foo(...null, 1));
    t(() => foo(1, ...null));
    t(() => foo(1, ...o.n));
    t(() => new foo(...o.n));
    t(() => foo(...'ab', ...5));
    t(() => { function* g() { yield* 5; } [...g()]; });
    t(() => { function* g() { yield* null; } [...g()]; });
}
// expect: TypeError: 5 is not iterable
// expect: TypeError: 5 is not iterable
// expect: TypeError: 5 is not iterable
// expect: TypeError: 5 is not iterable
// expect: TypeError: bad is not iterable
// expect: TypeError: bad is not iterable
// expect: TypeError: bad is not iterable
// expect: TypeError: o.p is not iterable
// expect: TypeError: o.q is not iterable
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: o.q is not iterable
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: %Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function
// expect: TypeError: {} is not iterable
// expect: TypeError: null is not iterable
// expect: TypeError: undefined is not iterable
// expect: TypeError: undefined is not iterable
// expect: TypeError: undefined is not iterable
// expect: TypeError: null is not iterable
// expect: TypeError: number 5 is not a function
// expect: TypeError: number 5 is not a function
// expect: TypeError: Result of the Symbol.iterator method is not an object
// expect: TypeError: Iterator result 5 is not an object
// expect: TypeError: number 2 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: Cannot destructure property 'a' of 'null' as it is null.
// expect: TypeError: true is not iterable
// expect: TypeError: Symbol is not a function or its return value is not iterable
// expect: TypeError: 1.5 is not iterable
// expect: TypeError: (intermediate value) is not iterable
// expect: TypeError: number 1 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: bad is not a function
// expect: TypeError: o.p is not a function
// expect: TypeError: bad is not a constructor
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: {} is not iterable
// expect: TypeError: e is not iterable
// expect: TypeError: o.q is not iterable
// expect: TypeError: o.n is not iterable
// expect: TypeError: o.q is not iterable
// expect: TypeError: foo is not a function or its return value is not iterable
// expect: TypeError: o.f is not a function or its return value is not iterable
// expect: TypeError: e is not iterable
// expect: TypeError: {} is not iterable
// expect: TypeError: e is not iterable
// expect: TypeError: o.q is not iterable
// expect: TypeError: o.p is not iterable
// expect: TypeError: foo is not a function or its return value is not iterable
// expect: TypeError: o.n is not iterable
// expect: TypeError: e is not iterable
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: foo is not a function or its return value is not iterable
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: Object is not a function or its return value is not iterable
// expect: TypeError: e is not iterable
// expect: TypeError: o is not iterable
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: number 1 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: number 1 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: number 6 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: ok
// expect: no error
// expect: no error
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: o.p is not a function
// expect: TypeError: o.a b is not a function
// expect: TypeError: o[0] is not a function
// expect: TypeError: o[k] is not a function
// expect: TypeError: foo(...) is not a function
// expect: TypeError: o.f(...) is not a function
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: null is not iterable (cannot read property null)
// expect: TypeError: undefined is not iterable (cannot read property undefined)
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: no error
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: Spread syntax requires ...iterable[Symbol.iterator] to be a function
// expect: TypeError: number 1 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: o.q is not iterable
// expect: TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: o[0] is not iterable
// expect: TypeError: o[k] is not iterable
// expect: TypeError: Object is not a function or its return value is not iterable
// expect: TypeError: Object is not a function or its return value is not iterable
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: null is not iterable (cannot read property null)
// expect: TypeError: o.n is not iterable (cannot read property null)
// expect: TypeError: o.n is not iterable (cannot read property null)
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: rej number 5 is not iterable (cannot read property Symbol(Symbol.iterator))
