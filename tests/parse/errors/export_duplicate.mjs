// expect error: 3:10: SyntaxError: Duplicate export of 'a'
export const a = 1
export { a }
