// Runtime errors carry V8's exact messages.
const t = (f) => { try { f() } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
t(() => { let o = {}; o.foo() })
t(() => { let o = { a: {} }; o.a.b() })
t(() => { let o = [1]; o[0]() })
t(() => { x() })
t(() => { let x = 1; x() })
t(() => { let o = null; o.x })
t(() => { let o; o.x = 1 })
t(() => { let o; o[0] })
t(() => { const { a } = null })
t(() => { let X = 1; new X() })
t(() => { null instanceof 3 })
t(() => { 1 in 2 })
t(() => { Symbol() + '' })
t(() => { ({}).x.y })
t(() => { 'use strict'; Object.freeze([1]).push === 1; undefinedVar = 1 })
t(() => { throw new RangeError('custom') })
const e = new Error('msg', { cause: 'why' })
console.log(e.message, e.cause, e.name, '' + e, e instanceof Error)
console.log(Object.prototype.toString.call(e), e.toString())
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr' } }
try { throw new MyErr('mine') } catch (err) { console.log(err.name, err.message, err instanceof MyErr, err instanceof Error) }


// expect: TypeError: o.foo is not a function
// expect: TypeError: o.a.b is not a function
// expect: TypeError: o[0] is not a function
// expect: ReferenceError: x is not defined
// expect: TypeError: x is not a function
// expect: TypeError: Cannot read properties of null (reading 'x')
// expect: TypeError: Cannot set properties of undefined (setting 'x')
// expect: TypeError: Cannot read properties of undefined (reading '0')
// expect: TypeError: Cannot destructure property 'a' of 'null' as it is null.
// expect: TypeError: X is not a constructor
// expect: TypeError: Right-hand side of 'instanceof' is not an object
// expect: TypeError: Cannot use 'in' operator to search for '1' in 2
// expect: TypeError: Cannot convert a Symbol value to a string
// expect: TypeError: Cannot read properties of undefined (reading 'y')
// expect: ReferenceError: undefinedVar is not defined
// expect: RangeError: custom
// expect: msg why Error Error: msg true
// expect: [object Error] Error: msg
// expect: MyErr mine true true
