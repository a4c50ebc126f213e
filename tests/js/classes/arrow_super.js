// Arrows inside a derived constructor or method use the enclosing function's super,
// this and new.target (#sec-arrow-function-definitions-runtime-semantics-evaluation).
class A { constructor() { this.x = 1 } m() { return 'Am' } get g() { return this.v } set s(x) { this.w = x } }
class B extends A { constructor() { const f = () => super(); f(); console.log(this.x) } }
new B();
// expect: 1
class C extends A {
    constructor() {
        super();
        const g = () => super.m();
        console.log(g());
        const h = () => this.x;
        console.log(h());
        const nt = () => new.target;
        console.log(nt() === C);
    }
}
new C();
// expect: Am
// expect: 1
// expect: true
class D extends A { constructor() { const f = () => { super(); return this }; console.log(f().x) } }
new D();
// expect: 1
class E extends A { m() { return (() => super.m() + '!')() } }
console.log(new E().m());
// expect: Am!
function F() { return (() => new.target)() }
console.log(F(), typeof new F());
// expect: undefined function
// super.x in an arrow reads and writes with the enclosing this as receiver
class G extends A {
    constructor() {
        super();
        this.v = 5;
        console.log((() => super.g)());
        (() => { super.s = 7 })();
        console.log(this.w);
    }
}
new G();
// expect: 5
// expect: 7
// V8 names the running function (the arrow) in the message
class N extends null { constructor() { const f = () => super(); f() } }
try { new N() } catch (e) { console.log(e.message) }
// expect: Super constructor null of f is not a constructor
class T extends A {
    constructor() {
        const f = () => super();
        f();
        try { f() } catch (e) { console.log(e.constructor.name, e.message) }
    }
}
new T();
// expect: ReferenceError Super constructor may only be called once
class U extends A {
    constructor() {
        const f = () => this;
        try { f() } catch (e) { console.log(e.constructor.name) }
        super();
        console.log(f().x);
    }
}
new U();
// expect: ReferenceError
// expect: 1
// nested arrows, spread arguments, and the field initializer runs after the binding
class P { constructor(a, b) { this.sum = a + b } }
class V extends P { y = this.sum * 2; constructor(...args) { (() => (() => super(...args))())(); console.log(this.sum, this.y) } }
new V(20, 22);
// expect: 42 84
