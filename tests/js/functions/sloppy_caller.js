// V8 gives a sloppy function own "caller" and "arguments" (null outside a call), which
// shadow Function.prototype's throwing accessors (#sec-addrestrictedfunctionproperties).
function sloppy() { return 1 }
console.log(sloppy.caller, sloppy.arguments, Object.getOwnPropertyNames(sloppy).join());
// expect: null null length,name,arguments,caller,prototype
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(sloppy, 'caller')));
// expect: {"value":null,"writable":false,"enumerable":false,"configurable":false}
const fe = function () {};
sloppy.caller = 5;
console.log(sloppy.caller, delete sloppy.arguments, fe.arguments);
// expect: null false null
const m = { f() {} };
const arrow = () => {};
for (const f of [m.f, arrow, function* () {}, class {}]) {
    try { f.caller; console.log('no throw') } catch (e) { console.log(e.constructor.name) }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
