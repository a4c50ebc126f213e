// Sloppy-mode mapped arguments (#sec-arguments-exotic-objects): indices alias the
// parameters (both ways, through closures too) until deleted, redefined as accessors or
// made non-writable; strict functions and non-simple parameters get unmapped objects
// whose callee throws.
function f(a, b) { a = 10; arguments[1] = 20; return [a, b, arguments[0], arguments[1], arguments.length] }
console.log(f(1, 2), f(1));
function g(a) { 'use strict'; a = 10; return [a, arguments[0]] }
console.log(g(1));
function h(a) { delete arguments[0]; arguments[0] = 5; return [a, arguments[0]] }
console.log(h(1));
function k(a) { const set = v => { a = v }; set(7); return arguments[0] }
console.log(k(1));
function m(a) { Object.defineProperty(arguments, '0', { value: 3, writable: false }); a = 4; return [a, arguments[0]] }
console.log(m(1));
function n(a = 0) { a = 9; return arguments[0] }
console.log(n(1));
function p(a) { arguments[0] = 'x'; return (() => a)() }
console.log(p(1));
function q(a, a2) { return [arguments.callee === q, Object.prototype.toString.call(arguments)] }
console.log(q());
function r() { 'use strict'; try { return arguments.callee } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(r());
function s(a) { return arguments } console.log(s(1, 2), JSON.stringify(s(1)), [...s(3, 4)]);
function t(a) { arguments[0]++; a++; return [a, arguments[0]] } console.log(t(1));
function* gen(a) { a = 2; yield arguments[0] } console.log([...gen(1)]);
function u(x, y) { Object.freeze(arguments); x = 3; return arguments[0] } console.log(u(1));
function v(a) { Object.defineProperty(arguments, '0', { get() { return 'g' } }); a = 5; return arguments[0] } console.log(v(1));

// expect: [ 10, 20, 10, 20, 2 ] [ 10, undefined, 10, 20, 1 ]
// expect: [ 10, 1 ]
// expect: [ 1, 5 ]
// expect: 7
// expect: [ 4, 3 ]
// expect: 1
// expect: x
// expect: [ true, '[object Arguments]' ]
// expect: TypeError: 'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them
// expect: [Arguments] { '0': 1, '1': 2 } {"0":1} [ 3, 4 ]
// expect: [ 3, 3 ]
// expect: [ 2 ]
// expect: 1
// expect: g
