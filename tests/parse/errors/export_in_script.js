// expect error: 2:1: SyntaxError: Unexpected token 'export'
export const x = 1
