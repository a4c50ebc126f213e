// `delete name` (#sec-delete-operator-runtime-semantics-evaluation): a declared
// binding stays; an implicit global (a configurable property of the global object) goes.
function gf() { return 1 }
console.log(delete gf, typeof gf);
// expect: false function
var gv = 1;
console.log(delete gv, typeof gv);
// expect: false number
gi = 3;
console.log(delete gi, typeof gi);
// expect: true undefined
console.log(delete gi, delete notDeclaredAnywhere);
// expect: true true
globalThis.gp = 4;
Object.defineProperty(globalThis, 'gfixed', { value: 5 });
console.log(delete gp, typeof gp, delete gfixed, gfixed);
// expect: true undefined false 5
(function () { var lv = 1; console.log(delete lv, lv) })();
// expect: false 1
