// Computed class field names (evaluated once, in order, at class definition), static
// blocks, private static members, private getters, super in private methods.
const log = console.log;
let n = 0;
const sym = Symbol('s');
class A {
  [`k${++n}`] = n;
  ['f' + 'n'] = function () {};
  [sym] = () => this;
  static [`s${++n}`] = n;
  ['m' + n]() { return 'method' }
  static #count = 0;
  static inc() { return ++A.#count }
  #secret = 42;
  get #twice() { return this.#secret * 2 }
  static { log('static block', this.name, A.#count) }
  reveal() { return this.#twice }
}
const a = new A();
log(a, Object.keys(a), a.fn.name, a[sym]() === a, A.s2, a.m2(), A.inc(), A.inc(), a.reveal());
class B extends A { #own = 'b'; get own() { return this.#own } }
log(new B().own, new B().reveal());
class C { static #p = 1; static #m() { return C.#p } static get() { return C.#m() } }
log(C.get());
class D { #a = 1; #b = this.#a + 1; [`x`] = this.#b; }
log(new D());
try { class E { [(() => { throw new Error('key') })()] = 1 } } catch (e) { log(e.message) }
class F { static x = this.name; static y = F.x + '!'; }
log(F.x, F.y);
class G { #m() { return super.toString === Object.prototype.toString } t() { return this.#m() } }
log(new G().t());

// expect: static block A 0
// expect: A { k1: 2, fn: [Function: fn], [Symbol(s)]: [Function: [s]] } [ 'k1', 'fn' ] fn true 2 method 1 2 84
// expect: b 84
// expect: 1
// expect: D { x: 2 }
// expect: key
// expect: F F!
// expect: true
