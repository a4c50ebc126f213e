// Annex B.3.3 block-level function declarations in sloppy code: the var binding is
// undefined until the declaration is evaluated, then holds the block function; not in
// strict code, not over a let or a parameter; labelled function declarations.
console.log(typeof f1);
{ function f1() { return 1 } }
console.log(f1());
if (true) { function f2() { return 2 } }
console.log(f2());
console.log(typeof f3);
if (false) { function f3() {} }
console.log(typeof f3);
function outer() {
  console.log(typeof inner);
  { console.log(inner()); function inner() { return 'inner' } }
  console.log(inner());
  switch (1) { case 1: function inSwitch() { return 's' } }
  return inSwitch();
}
console.log(outer());
function shadow() { let g = 'let'; { function g() {} } return typeof g }
console.log(shadow());
function twice() { { function t() { return 1 } } { function t() { return 2 } } return t() }
console.log(twice());
function early() { const r = [typeof e]; { function e() {} } r.push(typeof e); return r }
console.log(early());
(function () { 'use strict'; { function s() {} } console.log(typeof s) })();
try { label: function lf() { return 'labelled' } console.log(lf()) } catch (e) { console.log(e.message) }
function param(p) { { function p() {} } return typeof p } console.log(param(1));

// expect: undefined
// expect: 1
// expect: 2
// expect: undefined
// expect: undefined
// expect: undefined
// expect: inner
// expect: inner
// expect: s
// expect: string
// expect: 2
// expect: [ 'undefined', 'function' ]
// expect: undefined
// expect: labelled
// expect: number
