// Async arrow parameters are reparsed with [+Await]: `await` is no identifier there,
// not even as a parameter of an arrow nested in a default (ecma262
// #sec-async-arrow-function-definitions-static-semantics-early-errors).
console.log('never printed')
const f = async (a = (await) => {}) => {}
// expect error: 5:23: SyntaxError: 'await' is not a valid identifier name in an async function
