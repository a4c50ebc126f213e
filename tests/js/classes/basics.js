// Classes: constructors, methods, static, accessors, extends, super, fields, #private.
class Animal {
  static count = 0
  #secret = 'hidden'
  legs = 4
  constructor(name) { this.name = name; Animal.count++ }
  speak() { return `${this.name} makes a sound` }
  get secret() { return this.#secret }
  static create(n) { return new this(n) }
  #priv() { return 'private method' }
  callPriv() { return this.#priv() }
}
class Dog extends Animal {
  constructor(name) { super(name); this.legs = 4 }
  speak() { return super.speak() + ' (woof)' }
  toString() { return `Dog(${this.name})` }
}
const d = new Dog('Rex')
console.log(d.speak(), d.secret, d.legs, Animal.count, d.callPriv())
console.log(`${d}`, d instanceof Dog, d instanceof Animal, Object.getPrototypeOf(Dog) === Animal)
const a = Animal.create('Generic')
console.log(a.speak(), Animal.count, typeof Animal)
try { Animal('x') } catch (e) { console.log(e.message) }
class Point { constructor(x, y) { this.x = x; this.y = y } }
console.log(new Point(1, 2))
class Empty {}
console.log(new Empty(), Empty.name, Dog.name)
class Derived extends Point {}
console.log(new Derived(3, 4))
const Anon = class {}
console.log(Anon.name)
class Counter { static #n = 0; static inc() { return ++Counter.#n } }
console.log(Counter.inc(), Counter.inc())
class HasIn { #x; static has(o) { return #x in o } }
console.log(HasIn.has(new HasIn()), HasIn.has({}))

// expect: Rex makes a sound (woof) hidden 4 1 private method
// expect: Dog(Rex) true true true
// expect: Generic makes a sound 2 function
// expect: Class constructor Animal cannot be invoked without 'new'
// expect: Point { x: 1, y: 2 }
// expect: Empty {} Empty Dog
// expect: Derived { x: 3, y: 4 }
// expect: Anon
// expect: 1 2
// expect: true false
