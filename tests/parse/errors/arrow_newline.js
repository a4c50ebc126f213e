// expect error: 3:1: SyntaxError: Unexpected token '=>'
const f = a
=> a
