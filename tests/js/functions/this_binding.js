// this: methods, call/apply/bind, arrows keep the lexical this.
const o = {
  name: 'o',
  get() { return this.name },
  later() { return [1].map(() => this.name) },
}
console.log(o.get(), o.later())
function who() { return this === undefined ? 'undefined' : typeof this }
console.log(who.call(5), who.apply('s'), who.call(null) === who())
function strictWho() { 'use strict'; return this }
console.log(strictWho(), strictWho.call(7))
const b = o.get.bind({ name: 'bound' })
console.log(b(), b.name, b.length)
function add(a, b2) { return a + b2 + this.k }
console.log(add.call({ k: 1 }, 2, 3), add.apply({ k: 10 }, [1, 1]))
const bound2 = add.bind({ k: 100 }, 1)
console.log(bound2(2), bound2.length)

// expect: o [ 'o' ]
// expect: object object true
// expect: undefined 7
// expect: bound bound get 0
// expect: 6 12
// expect: 103 1
