// Which functions have an own `prototype` (ecma262 #sec-makeconstructor and the
// InstantiateXFunctionObject operations): ordinary functions and classes (constructors),
// generators and async generators (the prototype of their generator objects); no
// arrows, async functions, async arrows, methods, accessors or bound functions.
const cases = {
    'function': function () {}, 'arrow': () => {}, 'async arrow': async () => {},
    'async arrow with params': async (a, b = 1) => a, 'async function': async function () {},
    'generator': function* () {}, 'async generator': async function* () {},
    'method': { m() {} }.m, 'async method': { async m() {} }.m,
    'getter': Object.getOwnPropertyDescriptor({ get g() { return 1; } }, 'g').get,
    'class': class {}, 'bound': function () {}.bind(null), 'static method': class { static s() {} }.s,
};
for (const [name, f] of Object.entries(cases)) {
    const d = Object.getOwnPropertyDescriptor(f, 'prototype');
    console.log(name, Object.prototype.hasOwnProperty.call(f, 'prototype'), 'prototype' in f,
                d ? [d.writable, d.enumerable, d.configurable].join() : '-');
}
const AsyncFunction = (async function () {}).constructor;
console.log(Object.getPrototypeOf(async () => {}) === AsyncFunction.prototype);
try { new (async () => {})(); } catch (e) { console.log(e.constructor.name); }
// expect: function true true true,false,false
// expect: arrow false false -
// expect: async arrow false false -
// expect: async arrow with params false false -
// expect: async function false false -
// expect: generator true true true,false,false
// expect: async generator true true true,false,false
// expect: method false false -
// expect: async method false false -
// expect: getter false false -
// expect: class true true false,false,false
// expect: bound false false -
// expect: static method false false -
// expect: true
// expect: TypeError
