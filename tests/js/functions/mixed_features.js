// Mixed features: spread calls/new, optional calls, super in object methods and arrows,
// static blocks, computed class methods, arguments/new.target, finally with labels.
function sum(...a) { let s = 0; for (const x of a) s += x; return s }
console.log(sum(...[1, 2], 3, ...[4]))
class P { constructor(...a) { this.a = a } }
console.log(new P(...[1, 2]).a)
const o = { f: null, g() { return 'g' } }
console.log(o.f?.(), o.g?.())
const base = { hi() { return 'base hi' } }
const derived = { __proto__: base, hi() { return 'derived+' + super.hi() }, arrow() { return (() => super.hi())() } }
console.log(derived.hi(), derived.arrow())
class S { static #c = 1; static { S.init = 'static block ' + S.#c } static get g() { return 'sg' } ['comp' + 1]() { return 'computed' } }
console.log(S.init, S.g, new S().comp1())
function outer() { const inner = () => arguments[0]; return inner() }
console.log(outer('args via arrow'))
function NT() { return new.target === NT }
console.log(new NT() instanceof NT, NT())
label: for (const x of [1, 2, 3]) { try { if (x === 2) continue label; console.log('x', x) } finally { console.log('fin', x) } }
const g = function* () { try { yield 1; yield 2 } finally { console.log('gen closed') } }
for (const v of g()) { console.log(v); break }
console.log([1, 2, 3].map((x, i) => x * i), Object.keys([4, 5]))
let x = 10; { let x = 20; { console.log(x) } } console.log(x)
console.log(((a, b = a) => [a, b])(1))
var fnExpr = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) }
console.log(fnExpr(5))
switch (3) { case 1: console.log(1); break; default: { let y = 'dflt'; console.log(y) } }
console.log(`${1}${2}`, typeof typeof 1, !!'', !!'0')

// expect: 10
// expect: [ 1, 2 ]
// expect: undefined g
// expect: derived+base hi base hi
// expect: static block 1 sg computed
// expect: args via arrow
// expect: true false
// expect: x 1
// expect: fin 1
// expect: fin 2
// expect: x 3
// expect: fin 3
// expect: 1
// expect: gen closed
// expect: [ 0, 2, 6 ] [ '0', '1' ]
// expect: 20
// expect: 10
// expect: [ 1, 1 ]
// expect: 120
// expect: dflt
// expect: 12 string false true
