// Array indices above the int-atom range (2^31-1 .. 2^32-2) are still indices: they grow
// length, sort first in key order, and ArraySetLength deletes them (ECMA-262 §10.4.2.1,
// §10.4.2.4); "4294967295" is a plain property.
'use strict';
const a = [0];
a[4294967294] = 1;
console.log(a.length, a[4294967294], 4294967294 in a);
console.log(Object.keys(a).join(','));
a.length = 2;
console.log(a.length, a[4294967294], 4294967294 in a, Object.keys(a).join(','));

const b = [];
b[4294967295] = 1;
console.log(b.length, Object.keys(b).join(','));

const c = [];
c.length = 4294967295;
console.log(c.length);
try { c.length = 4294967296; } catch (e) { console.log(e.constructor.name); }

const d = [1];
d.x = 1; d[3000000000] = 4; d[2147483647] = 2; d[2147483646] = 3; d[5] = 6;
console.log(d.length, Object.keys(d).join(','));
console.log(Object.getOwnPropertyNames(d).join(','));
d.length = 2147483647;
console.log(d.length, Object.keys(d).join(','));

// defineProperty of a high index grows length; a read-only length rejects it
const e = [];
Object.defineProperty(e, '3000000000', { value: 7, configurable: false });
console.log(e.length, e[3000000000]);
try { e.length = 0; } catch (err) { console.log(err.constructor.name); }
console.log(e.length, Object.keys(e).length);
try { e.length = 5; } catch (err) { console.log(err.constructor.name); }
console.log(e.length);
const f = [1, 2];
Object.defineProperty(f, 'length', { writable: false });
try { f[3000000000] = 1; } catch (err) { console.log(err.constructor.name); }
console.log(Reflect.defineProperty(f, '3000000000', { value: 1 }), f.length, 3000000000 in f);
console.log(Reflect.set(f, '3000000000', 1), f.length);

// not extensible: no property and no new length
const g = [1];
Object.preventExtensions(g);
console.log(Reflect.set(g, '3000000000', 1), g.length);
console.log(Reflect.defineProperty(g, '5', { value: 1 }), g.length);

// push at the top of the index range
const h = [];
h.length = 4294967294;
h.push('last');
console.log(h.length, h[4294967294]);
try { h.push('over'); } catch (err) { console.log(err.constructor.name); }
console.log(h.length, h[4294967295]);
delete h[4294967294];
console.log(h.length, 4294967294 in h);
// expect: 4294967295 1 true
// expect: 0,4294967294
// expect: 2 undefined false 0
// expect: 0 4294967295
// expect: 4294967295
// expect: RangeError
// expect: 3000000001 0,5,2147483646,2147483647,3000000000,x
// expect: 0,5,2147483646,2147483647,3000000000,length,x
// expect: 2147483647 0,5,2147483646,x
// expect: 3000000001 7
// expect: TypeError
// expect: 3000000001 0
// expect: TypeError
// expect: 3000000001
// expect: TypeError
// expect: false 2 false
// expect: false 2
// expect: false 1
// expect: false 1
// expect: 4294967295 last
// expect: RangeError
// expect: 4294967295 over
// expect: 4294967295 false
