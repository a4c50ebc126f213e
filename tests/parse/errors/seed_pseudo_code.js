// expect error: 2:43: SyntaxError: missing ) after argument list
let promise_ = new Promise((resolve,reject){ resolve(undefined)})
