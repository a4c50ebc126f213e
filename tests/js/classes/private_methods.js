// Private methods and accessors: one function per class shared by the instances
// (PrivateMethodOrAccessorAdd), brand checks and their V8 messages, getters/setters,
// static private methods, "#x in o", double initialization, and private names that
// never shadow identifiers.
{
class A {
  #x = 1; static #s() { return 's' }
  #m() { return this.#x }
  get #g() { return 'g' + this.#x } set #g(v) { this.#x = v }
  get #ro() { return 1 } set #wo(v) {}
  static check(o) { try { return o.#m() } catch (e) { return e.constructor.name + ': ' + e.message } }
  static checkS(o) { try { return o.#s() } catch (e) { return e.constructor.name + ': ' + e.message } }
  test() {
    const r = [this.#m(), this.#g]; this.#g = 5; r.push(this.#x, this.#m === new A().#m, #m in this, #g in this, #x in {});
    try { this.#m = 1 } catch (e) { r.push(e.message) }
    try { this.#ro = 1 } catch (e) { r.push(e.message) }
    try { this.#wo } catch (e) { r.push(e.message) }
    try { this.#wo++ } catch (e) { r.push(e.message) }
    r.push(A.#s(), A.checkS({}));
    return r
  }
}
console.log(new A().test(), A.check({}), A.check(new A()))
class B { constructor(o) { return o } }
class C extends B { #p = 1; static has(o) { return #p in o } }
const o = {}; new C(o); console.log(C.has(o)); try { new C(o) } catch (e) { console.log(e.message) }
class D extends B { #m() {} static has(o) { return #m in o } }
new D(o); try { new D(o) } catch (e) { console.log(e.message) }
class E { static #f = 1; static get() { return E.#f } static #sm() { return 2 } static g() { return this.#sm() } } console.log(E.get(), E.g());
const key = 'dyn'; class F { [key] = 1; ['a' + 'b'] = 2; static [key + 's'] = 3; [Symbol.iterator] = 4 } console.log(new F(), F.dyns);
let i = 0; class G { [i++] = i++; [i++] = i++ } console.log(new G(), new G(), i);
}
{
const X = class { #m(){}; static f(o){ try { o.#m() } catch (e) { console.log(e.message) } } }; X.f({});
const Y = class Z { static #s(){}; static f(o){ try { o.#s() } catch (e) { console.log(e.message) } } }; Y.f({});
const W = (() => class { #m(){}; static f(o){ try { o.#m() } catch (e) { console.log(e.message) } } })(); W.f({});
class S { get #a() { return 1 } static t(o) { try { return o.#a } catch (e) { console.log(e.message) } } } S.t({});
class T { #x; static t(o) { try { o.#x = 1 } catch (e) { console.log(e.message) } try { o.#x } catch (e) { console.log(e.message) } } } T.t({});
}
{
const x = 'outer'; class A { #x = 1; f() { return x } } console.log(new A().f())
}

// expect: [
// expect:   1,
// expect:   'g1',
// expect:   5,
// expect:   true,
// expect:   true,
// expect:   true,
// expect:   false,
// expect:   "Private method '#m' is not writable",
// expect:   "'#ro' was defined without a setter",
// expect:   "'#wo' was defined without a getter",
// expect:   "'#wo' was defined without a getter",
// expect:   's',
// expect:   'TypeError: Receiver must be class A'
// expect: ] TypeError: Receiver must be an instance of class A 1
// expect: true
// expect: Cannot initialize #p twice on the same object
// expect: Cannot initialize private methods of class D twice on the same object
// expect: 1 2
// expect: F { dyn: 1, ab: 2, [Symbol(Symbol.iterator)]: 4 } 3
// expect: G { '0': 2, '1': 3 } G { '0': 4, '1': 5 } 6
// expect: Receiver must be an instance of class anonymous
// expect: Receiver must be class Z
// expect: Receiver must be an instance of class anonymous
// expect: Receiver must be an instance of class S
// expect: Cannot write private member #x to an object whose class did not declare it
// expect: Cannot read private member #x from an object whose class did not declare it
// expect: outer
