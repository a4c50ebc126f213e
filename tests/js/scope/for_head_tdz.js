// The expression of a for-of/for-in head sees the loop's let/const bindings in their TDZ
// (ForIn/OfHeadEvaluation's own environment), not the first iteration's.
let x = 'outside';
var probeExpr, probeDecl, probeBody;
for (let [x, _, __ = probeDecl = function () { return x; }] of [['inside', probeExpr = function () { return typeof x; }]])
    probeBody = function () { return x; };
try { probeExpr(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
console.log(probeDecl(), probeBody());
var inExpr;
for (const k in (inExpr = () => k, { a: 1 })) console.log(k);
try { inExpr(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
const fns = [];
for (const v of [1, 2, 3]) fns.push(() => v);
console.log(fns.map((f) => f()).join());
// expect: ReferenceError: Cannot access 'x' before initialization
// expect: inside inside
// expect: a
// expect: ReferenceError: Cannot access 'k' before initialization
// expect: 1,2,3
