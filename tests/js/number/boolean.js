// Boolean (kept with the Number tests: both are primitive wrappers): the constructor,
// ToBoolean, wrappers and their truthiness, toString/valueOf and receiver checks.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(Boolean(), Boolean(0), Boolean(-0), Boolean(NaN), Boolean(''), Boolean(null), Boolean(undefined))
// expect: false false false false false false false
console.log(Boolean(1), Boolean('0'), Boolean(' '), Boolean({}), Boolean([]), Boolean(Symbol()), Boolean(-Infinity))
// expect: true true true true true true true
const f = new Boolean(false)
console.log(typeof f, f ? 'truthy' : 'falsy', f.valueOf(), f.toString(), f == false, f === false)
// expect: object truthy false false true false
console.log(true.toString(), false.valueOf(), Boolean.prototype.valueOf(), Boolean.prototype.toString())
// expect: true false false false
console.log(Object.prototype.toString.call(f), f instanceof Boolean, Boolean.length, Boolean.name)
// expect: [object Boolean] true 1 Boolean
class B extends Boolean { not() { return !this.valueOf() } }
console.log(new B(1).not(), new B(0) instanceof Boolean) // expect: false true
console.log(t(() => Boolean.prototype.toString.call(1)))
// expect: TypeError: Boolean.prototype.toString requires that 'this' be a Boolean
console.log(t(() => Boolean.prototype.valueOf.call('true')))
// expect: TypeError: Boolean.prototype.valueOf requires that 'this' be a Boolean
console.log(t(() => Boolean.prototype.toString.call(null)))
// expect: TypeError: Boolean.prototype.toString requires that 'this' be a Boolean
console.log(Boolean.prototype.toString.call(new Boolean(true)), Object.getOwnPropertyNames(Boolean.prototype).join())
// expect: true constructor,toString,valueOf
