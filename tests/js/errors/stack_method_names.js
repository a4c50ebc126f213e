// error.stack names frames as V8 does: method calls "Type.name [as key]" (the key under
// which the receiver holds the function), accessors "get x [as x]", class constructors
// and static methods by the class, "new <anonymous>", and the position of (f)() and
// o[k]() at their argument list.
function frame(e, i = 1) { return e.stack.split('\n')[i].replace(/(\(|at )\S*\//, '$1'); }
function t(f, i) { try { f(); } catch (e) { console.log(frame(e, i)); } }
function boom() { throw new Error('x'); }
t(() => JSON.stringify({ toJSON: boom }));
t(() => new (function () { throw new Error('ctor'); })());
t(() => new (class { constructor() { throw new Error('cls'); } })());
function Named() { throw new Error('nc'); }
t(() => new Named());
t(() => ({ get a() { throw new Error('g'); } }).a);
t(() => ({ set c(v) { throw new Error('s'); } }).c = 1);
const o = { m() { throw new Error('m'); }, f: boom, anon: function () { throw new Error(); } };
t(() => o.m());
t(() => o.f());
t(() => o.anon());
class A { static s() { throw new Error('s'); } i() { throw new Error('i'); } get x() { throw new Error(); } }
class B extends A {}
t(() => A.s());
t(() => B.s());
t(() => new B().i());
t(() => new B().x);
const inst = new B(); inst.own = boom;
t(() => inst.own());
const child = Object.create({ pm: boom });
t(() => child.pm());
const bare = Object.create(null); bare.f = boom;
t(() => bare.f());
function F() {} F.t = boom;
t(() => F.t());
t(() => boom.call({}));
t(() => boom.call([]));
t(() => boom.call(new Map()));
t(() => boom.call('str'));
t(() => boom.call(globalThis));
t(() => (function () { 'use strict'; throw new Error(); }).call('str'));
t(() => [1].map(boom));
t(() => [1].forEach(function () { throw new Error(); }, {}));
const o6 = { ['comp' + 1]() { throw new Error(); } };
t(() => o6.comp1());
const o7 = { [Symbol.iterator]() { throw new Error(); } };
t(() => o7[Symbol.iterator]());
// the caller's line: the call position
t(() =>   boom(), 2);
t(() =>   (boom)(), 2);
t(() =>   (0, boom)(), 2);
t(() =>   o.f(), 2);
t(() =>   o['f'](), 2);
t(() =>   new boom(), 2);
// expect:     at Object.boom [as toJSON] (stack_method_names.js:7:25)
// expect:     at new <anonymous> (stack_method_names.js:9:34)
// expect:     at new <anonymous> (stack_method_names.js:10:44)
// expect:     at new Named (stack_method_names.js:11:26)
// expect:     at get a [as a] (stack_method_names.js:13:28)
// expect:     at set c [as c] (stack_method_names.js:14:29)
// expect:     at Object.m (stack_method_names.js:15:25)
// expect:     at Object.boom [as f] (stack_method_names.js:7:25)
// expect:     at Object.anon (stack_method_names.js:15:79)
// expect:     at A.s (stack_method_names.js:19:30)
// expect:     at B.s (stack_method_names.js:19:30)
// expect:     at B.i (stack_method_names.js:19:60)
// expect:     at get x [as x] (stack_method_names.js:19:94)
// expect:     at B.boom [as own] (stack_method_names.js:7:25)
// expect:     at Object.boom [as pm] (stack_method_names.js:7:25)
// expect:     at Object.boom [as f] (stack_method_names.js:7:25)
// expect:     at Function.boom [as t] (stack_method_names.js:7:25)
// expect:     at Object.boom (stack_method_names.js:7:25)
// expect:     at Array.boom (stack_method_names.js:7:25)
// expect:     at Map.boom (stack_method_names.js:7:25)
// expect:     at String.boom (stack_method_names.js:7:25)
// expect:     at boom (stack_method_names.js:7:25)
// expect:     at String.<anonymous> (stack_method_names.js:38:44)
// expect:     at boom (stack_method_names.js:7:25)
// expect:     at Object.<anonymous> (stack_method_names.js:40:41)
// expect:     at Object.comp1 (stack_method_names.js:41:37)
// expect:     at [Symbol.iterator] (stack_method_names.js:43:42)
// expect:     at stack_method_names.js:46:11
// expect:     at stack_method_names.js:47:17
// expect:     at stack_method_names.js:48:20
// expect:     at stack_method_names.js:49:13
// expect:     at stack_method_names.js:50:17
// expect:     at stack_method_names.js:51:11
