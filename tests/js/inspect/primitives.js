// Primitives: bare at the top level, formatted by util.inspect inside containers.
console.log('str', 42, -0, 0, NaN, Infinity, -Infinity, 1e21, 1.5e-7, true, null, undefined)
// expect: str 42 -0 0 NaN Infinity -Infinity 1e+21 1.5e-7 true null undefined
console.log([-0, 0, 0.1 + 0.2, -1e-7, 2 ** 53], { z: -0 })
// expect: [ -0, 0, 0.30000000000000004, -1e-7, 9007199254740992 ] { z: -0 }
console.log(Symbol(), Symbol('desc'), Symbol.iterator, Symbol.for('registered'))
// expect: Symbol() Symbol(desc) Symbol(Symbol.iterator) Symbol(registered)
console.log([Symbol('in array')], { s: Symbol('value') })
// expect: [ Symbol(in array) ] { s: Symbol(value) }
console.log([true, false, null, undefined])
// expect: [ true, false, null, undefined ]
console.log('a', 'b c', '', 'd')
// expect: a b c  d
console.log('')
// expect:
console.log()
// expect:
console.log(1, 'a', 'line\nbreak', {})
// expect: 1 a line
// expect: break {}
