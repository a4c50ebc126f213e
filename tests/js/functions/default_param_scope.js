// Default parameters: parameters are TDZ bindings until initialized, in order, and with
// expressions in the parameter list the body's vars get an environment of their own
// (ecma262 #sec-functiondeclarationinstantiation, steps 21-28).
function report(f) {
    try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
}
function later(a = b, b) { return a; }
report(() => later());
report(() => later(1));
function self(a = a) { return a; }
report(() => self());
report(() => self(2));
const arrow = (x = y, y = 1) => x;
report(() => arrow());
function viaClosure(g = () => b, x = g(), b) {}
report(() => viaClosure());
function earlier(a, b = a + 1) { return b; }
report(() => earlier(3));
// the body's var is separate from the parameter a closure in a default sees
function sep(a, k = () => a) { var a = 2; return [a, k()]; }
report(() => sep(1));
function sepInit(a, k = () => a) { var a; return [a, k()]; }
report(() => sepInit(1));
function sepArgs(x = () => arguments.length) { var arguments; return [typeof arguments, x()]; }
report(() => sepArgs(undefined, 2, 3));
function setParamLater(a, set = (v) => { a = v; }) { var a; set(9); return a; }
report(() => setParamLater(1));
function patterns({ a, b } = { a: 1, b: 2 }, ...rest) { var a; return [a, b, rest]; }
report(() => patterns(undefined, 5, 6));
function* gen(a = 1) { var a; yield a; }
report(() => [...gen()]);
async function af(a = b, b) {}
af().catch((e) => console.log('async: ' + e.message));
// a closure in the parameters sees the outer x, not the body's var x
var x = 'outside';
var probeParams, probeBody;
function scopes(_ = probeParams = function () { return x; }) {
    var x = 'inside';
    probeBody = function () { return x; };
}
scopes();
console.log(probeParams(), probeBody());
// expect: ReferenceError: Cannot access 'b' before initialization
// expect: 1
// expect: ReferenceError: Cannot access 'a' before initialization
// expect: 2
// expect: ReferenceError: Cannot access 'y' before initialization
// expect: ReferenceError: Cannot access 'b' before initialization
// expect: 4
// expect: [ 2, 1 ]
// expect: [ 1, 1 ]
// expect: [ 'object', 3 ]
// expect: 1
// expect: [ 1, 2, [ 5, 6 ] ]
// expect: [ 1 ]
// expect: outside inside
// expect: async: Cannot access 'b' before initialization
