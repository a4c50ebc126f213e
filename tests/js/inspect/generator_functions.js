// [GeneratorFunction: g] (needs %GeneratorFunction.prototype%.constructor).
function* g() {}
console.log(g, [g], { g })
// expect: [GeneratorFunction: g] [ [GeneratorFunction: g] ] { g: [GeneratorFunction: g] }
console.log({ *method() {} })
// expect: { method: [GeneratorFunction: method] }
