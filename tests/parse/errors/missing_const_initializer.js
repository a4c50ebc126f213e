// expect error: 2:7: SyntaxError: Missing initializer in const declaration
const a
