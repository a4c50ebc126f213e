// expect error: 4:5: SyntaxError: await is only valid in async functions and the top level bodies of modules
async function f() {
  function g() {
    await 1
  }
}
