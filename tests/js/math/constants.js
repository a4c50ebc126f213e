// Math's value properties, its tag, and the shape of the object.
console.log(Math.E, Math.LN10, Math.LN2, Math.LOG10E, Math.LOG2E, Math.PI, Math.SQRT1_2, Math.SQRT2)
console.log(Object.prototype.toString.call(Math), typeof Math, Object.getPrototypeOf(Math) === Object.prototype)
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(Math, 'PI')))
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(Math, Symbol.toStringTag)))
const before = Math.PI
Math.PI = 3
console.log(Math.PI === before, delete Math.PI, Math.PI === before)
console.log(Object.getOwnPropertyNames(Math).join())
console.log(Object.getOwnPropertyNames(Math).filter((k) => typeof Math[k] === 'function').map((k) => k + '/' + Math[k].length).join(' '))
console.log(Math.max.name, Math.abs.name, Object.keys(Math).length)
try { new Math.max() } catch (e) { console.log(e.constructor.name + ': ' + e.message) }
try { Math() } catch (e) { console.log(e.constructor.name + ': ' + e.message) }

// expect: 2.718281828459045 2.302585092994046 0.6931471805599453 0.4342944819032518 1.4426950408889634 3.141592653589793 0.7071067811865476 1.4142135623730951
// expect: [object Math] object true
// expect: {"value":3.141592653589793,"writable":false,"enumerable":false,"configurable":false}
// expect: {"value":"Math","writable":false,"enumerable":false,"configurable":true}
// expect: true false true
// expect: abs,acos,acosh,asin,asinh,atan,atanh,atan2,ceil,cbrt,expm1,clz32,cos,cosh,exp,floor,fround,hypot,imul,log,log1p,log2,log10,max,min,pow,random,round,sign,sin,sinh,sqrt,tan,tanh,trunc,E,LN10,LN2,LOG10E,LOG2E,PI,SQRT1_2,SQRT2
// expect: abs/1 acos/1 acosh/1 asin/1 asinh/1 atan/1 atanh/1 atan2/2 ceil/1 cbrt/1 expm1/1 clz32/1 cos/1 cosh/1 exp/1 floor/1 fround/1 hypot/2 imul/2 log/1 log1p/1 log2/1 log10/1 max/2 min/2 pow/2 random/0 round/1 sign/1 sin/1 sinh/1 sqrt/1 tan/1 tanh/1 trunc/1
// expect: max abs 0
// expect: TypeError: Math.max is not a constructor
// expect: TypeError: Math is not a function
