// eval: a non-string argument comes back unchanged (PerformEval step 2); source text is
// dynamic code, refused with the EvalError V8 throws when code generation from strings
// is disallowed. Run node with --disallow-code-generation-from-strings to compare.
console.log(typeof eval, eval.length, eval.name)
// expect: function 1 eval
console.log(eval(42), eval(null), eval(undefined))
// expect: 42 null undefined
const o = { a: 1 }
console.log(eval(o) === o)
// expect: true
