// %AsyncFunction%, %GeneratorFunction% and %AsyncGeneratorFunction% are reachable from
// instances (#sec-async-function-constructor, #sec-generatorfunction-constructor,
// #sec-asyncgeneratorfunction-constructor). tickscope compiles no code at run time, so
// calling them throws the same SyntaxError as Function('...') (not shown here: node runs it).
const AsyncFunction = (async function () {}).constructor
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor
const samples = [async () => {}, function* () {}, async function* () {}]
;[AsyncFunction, GeneratorFunction, AsyncGeneratorFunction].forEach((C, i) => {
  console.log(C.name, C.length, typeof C, Object.getPrototypeOf(C) === Function)
  console.log(C.prototype === Object.getPrototypeOf(samples[i]), C.prototype.constructor === C)
  console.log(Object.getOwnPropertyNames(C), String(C.prototype[Symbol.toStringTag]))
  const d = Object.getOwnPropertyDescriptor(C, 'prototype')
  console.log(d.writable, d.enumerable, d.configurable, samples[i] instanceof C, samples[i] instanceof Function)
})
console.log(AsyncFunction === Function, GeneratorFunction === AsyncGeneratorFunction)
// expect: AsyncFunction 1 function true
// expect: true true
// expect: [ 'length', 'name', 'prototype' ] AsyncFunction
// expect: false false false true true
// expect: GeneratorFunction 1 function true
// expect: true true
// expect: [ 'length', 'name', 'prototype' ] GeneratorFunction
// expect: false false false true true
// expect: AsyncGeneratorFunction 1 function true
// expect: true true
// expect: [ 'length', 'name', 'prototype' ] AsyncGeneratorFunction
// expect: false false false true true
// expect: false false
