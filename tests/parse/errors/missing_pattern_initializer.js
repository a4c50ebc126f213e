// expect error: 2:5: SyntaxError: Missing initializer in destructuring declaration
let [a, b]
