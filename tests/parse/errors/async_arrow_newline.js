// expect error: 3:1: SyntaxError: Unexpected token '=>'
x = async (a)
=> a
