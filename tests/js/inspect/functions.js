// Functions: [Function: f], [Function (anonymous)], [class A], [class B extends A], and
// their own enumerable properties in braces.
function named() {}
console.log(named, function () {}, () => {}, (() => () => {})())
// expect: [Function: named] [Function (anonymous)] [Function (anonymous)] [Function (anonymous)]
console.log(class A {}, class {}, class B extends Array {})
// expect: [class A] [class (anonymous)] [class B extends Array]
class Base {}
class Derived extends Base {}
console.log(Derived, [Derived], { Derived })
// expect: [class Derived extends Base] [ [class Derived extends Base] ] { Derived: [class Derived extends Base] }
function withProps() {} withProps.x = 1; withProps.y = { z: [2] }
console.log(withProps)
// expect: [Function: withProps] { x: 1, y: { z: [ 2 ] } }
class Static { static count = 3; static #secret = 1; static get g() { return 1 } }
console.log(Static)
// expect: [class Static] { count: 3 }
console.log(named.bind(null), Math.max, [].push, Object)
// expect: [Function: bound named] [Function: max] [Function: push] [Function: Object]
console.log({ method() {}, arrow: () => {}, ['computed' + 1]: function () {} })
// expect: {
// expect:   method: [Function: method],
// expect:   arrow: [Function: arrow],
// expect:   computed1: [Function: computed1]
// expect: }
const anon = [function () {}][0]
console.log(anon, { f: anon })
// expect: [Function (anonymous)] { f: [Function (anonymous)] }
console.log(Object.defineProperty(function () {}, 'name', { value: 'renamed' }))
// expect: [Function: renamed]
class WithName { static name = 'Custom' }
console.log(WithName)
// expect: [class Custom] { name: 'Custom' }
console.log(Object.setPrototypeOf(function nullProto() {}, null))
// expect: [Function (null prototype): nullProto]
