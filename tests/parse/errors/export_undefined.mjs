// expect error: 2:10: SyntaxError: Export 'nope' is not defined in module
export { nope }
