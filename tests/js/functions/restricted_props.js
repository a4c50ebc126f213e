// AddRestrictedFunctionProperties (#sec-addrestrictedfunctionproperties): "caller" and
// "arguments" of strict functions, arrows, methods, classes, generators, async and bound
// functions come from Function.prototype's %ThrowTypeError% accessors; V8 gives sloppy
// functions own null-valued ones.
'use strict';
function s() {}
const arrow = () => {};
class K { m() {} static sm() {} }
const om = { m() {} };
const cases = [['strict', s], ['arrow', arrow], ['class', K], ['method', K.prototype.m], ['objmethod', om.m],
    ['gen', function* () {}], ['async', async function () {}], ['bound', s.bind(null)], ['builtin', Math.max]];
for (const [n, f] of cases) {
    const r = [];
    for (const p of ['caller', 'arguments']) {
        try { r.push(f[p]) } catch (e) { r.push(e.constructor.name) }
    }
    console.log(n, r.join(), Object.getOwnPropertyNames(f).join());
}
// expect: strict TypeError,TypeError length,name,prototype
// expect: arrow TypeError,TypeError length,name
// expect: class TypeError,TypeError length,name,prototype,sm
// expect: method TypeError,TypeError length,name
// expect: objmethod TypeError,TypeError length,name
// expect: gen TypeError,TypeError length,name,prototype
// expect: async TypeError,TypeError length,name
// expect: bound TypeError,TypeError length,name
// expect: builtin TypeError,TypeError length,name
try { s.caller } catch (e) { console.log(e.message) }
// expect: 'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them
const d = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');
const d2 = Object.getOwnPropertyDescriptor(Function.prototype, 'arguments');
console.log(typeof d.get, d.get === d.set, d.get === d2.get, d.configurable, d.enumerable);
// expect: function true true true false
console.log(d.get.name === '', d.get.length, Object.isFrozen(d.get), Object.isExtensible(d.get));
// expect: true 0 true false
try { s.caller = 1 } catch (e) { console.log(e.constructor.name) }
// expect: TypeError
