// expect error: 2:11: SyntaxError: Unexpected identifier 'b'
let a = 1 b
