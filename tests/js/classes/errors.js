// Class errors with V8's messages.
class B {}
class NoSuper extends B { constructor() { this.x = 1 } }
try { new NoSuper() } catch (e) { console.log(e.constructor.name + ': ' + e.message) }
try { class X extends 3 {} } catch (e) { console.log(e.message) }
try { class Y extends null {}; new Y() } catch (e) { console.log(e.message) }
class P { #p = 1; static read(o) { return o.#p } }
try { P.read({}) } catch (e) { console.log(e.message) }
class Twice extends B { constructor() { super(); super() } }
try { new Twice() } catch (e) { console.log(e.message) }

// expect: ReferenceError: Must call super constructor in derived class before accessing 'this' or returning from derived constructor
// expect: Class extends value 3 is not a constructor or null
// expect: Super constructor null of Y is not a constructor
// expect: Cannot read private member #p from an object whose class did not declare it
// expect: Super constructor may only be called once
