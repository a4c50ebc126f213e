// Reflect (ecma262 #sec-reflect-object): one internal method each, with booleans where
// Object.* would throw, and V8's messages for bad arguments.
function t(f) { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } }
class P { constructor(a, b) { this.sum = a + b; this.nt = new.target.name; } }
class Q extends P {}
t(() => Reflect.apply(Math.max, null, [1, 5, 3]));
t(() => Reflect.apply(function () { return this.x; }, { x: 7 }, { length: 0 }));
t(() => Reflect.construct(P, [1, 2]));
t(() => Reflect.construct(P, [1, 2], Q) instanceof Q);
t(() => Reflect.construct(Date, [0]).getTime());
const frozen = Object.freeze({ a: 1 });
t(() => Reflect.defineProperty({}, 'x', { value: 1 }));
t(() => Reflect.defineProperty(frozen, 'a', { value: 2 }));
t(() => Reflect.deleteProperty({ a: 1 }, 'a'));
t(() => Reflect.deleteProperty(frozen, 'a'));
t(() => Reflect.deleteProperty([1, 2], 'length'));
const withGetter = { get g() { return this.v; }, v: 1 };
t(() => Reflect.get(withGetter, 'g'));
t(() => Reflect.get(withGetter, 'g', { v: 42 }));
t(() => Reflect.get([10, 20], 1));
t(() => Reflect.getOwnPropertyDescriptor({ a: 1 }, 'a'));
t(() => Reflect.getOwnPropertyDescriptor({ a: 1 }, 'b'));
t(() => Reflect.getPrototypeOf([]) === Array.prototype);
t(() => Reflect.has({ a: 1 }, 'toString'));
t(() => Reflect.has([], 'length'));
t(() => Reflect.isExtensible(frozen));
t(() => Reflect.ownKeys({ b: 1, a: 2, 1: 3, [Symbol('s')]: 4 }));
t(() => Reflect.ownKeys([1, 2]));
t(() => { const o = {}; return [Reflect.preventExtensions(o), Reflect.isExtensible(o), Reflect.set(o, 'x', 1), o]; });
t(() => { const o = {}; return [Reflect.set(o, 'x', 1), o.x]; });
t(() => Reflect.set(frozen, 'a', 2));
t(() => { const target = {}, recv = {}; return [Reflect.set(target, 'x', 1, recv), target, recv]; });
t(() => { const o = { set s(v) { this.got = v; } }, r = {}; return [Reflect.set(o, 's', 5, r), r]; });
t(() => Reflect.set({ get g() { return 1; } }, 'g', 2));
t(() => Reflect.set({}, 'x', 1, 5));
t(() => { const a = [1, 2, 3]; return [Reflect.set(a, 'length', 1), a]; });
t(() => { const o = {}; return [Reflect.setPrototypeOf(o, Array.prototype), Array.isArray(o), o instanceof Array]; });
t(() => Reflect.setPrototypeOf(frozen, null));
t(() => Reflect.setPrototypeOf(frozen, Object.prototype));
t(() => { const a = {}, b = Object.create(a); return Reflect.setPrototypeOf(a, b); });
t(() => Reflect.apply(1, null, []));
t(() => Reflect.apply({}, null, []));
t(() => Reflect.apply(Math.max, null));
t(() => Reflect.construct(() => {}, []));
t(() => Reflect.construct(Date, [], 1));
t(() => Reflect.defineProperty({}, 'a', 1));
t(() => Reflect.get(1, 'a'));
t(() => Reflect.ownKeys('str'));
t(() => Reflect.setPrototypeOf({}, 1));
t(() => new Reflect.get({}, 'a'));
console.log(Object.prototype.toString.call(Reflect), Object.getOwnPropertyNames(Reflect).join());
console.log(Reflect.apply.length, Reflect.construct.length, Reflect.defineProperty.length, Reflect.set.length);
console.log(Reflect);
// expect: 5
// expect: 7
// expect: P { sum: 3, nt: 'P' }
// expect: true
// expect: 0
// expect: true
// expect: false
// expect: true
// expect: false
// expect: false
// expect: 1
// expect: 42
// expect: 20
// expect: { value: 1, writable: true, enumerable: true, configurable: true }
// expect: undefined
// expect: true
// expect: true
// expect: true
// expect: false
// expect: [ '1', 'b', 'a', Symbol(s) ]
// expect: [ '0', '1', 'length' ]
// expect: [ true, false, false, {} ]
// expect: [ true, 1 ]
// expect: false
// expect: [ true, {}, { x: 1 } ]
// expect: [ true, { got: 5 } ]
// expect: false
// expect: false
// expect: [ true, [ 1 ] ]
// expect: [ true, false, true ]
// expect: false
// expect: true
// expect: false
// expect: TypeError: Function.prototype.apply was called on 1, which is a number and not a function
// expect: TypeError: Function.prototype.apply was called on #<Object>, which is an object and not a function
// expect: TypeError: CreateListFromArrayLike called on non-object
// expect: TypeError: () => {} is not a constructor
// expect: TypeError: 1 is not a constructor
// expect: TypeError: Property description must be an object: 1
// expect: TypeError: Reflect.get called on non-object
// expect: TypeError: Reflect.ownKeys called on non-object
// expect: TypeError: Object prototype may only be an Object or null: 1
// expect: TypeError: Reflect.get is not a constructor
// expect: [object Reflect] defineProperty,deleteProperty,apply,construct,get,getOwnPropertyDescriptor,getPrototypeOf,has,isExtensible,ownKeys,preventExtensions,set,setPrototypeOf
// expect: 3 2 3 3
// expect: Object [Reflect] {}
