// expect error: 3:14: SyntaxError: Illegal await-expression in formal parameters of async function
async function f() {
  async (a = await 1) => a
}
