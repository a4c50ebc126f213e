// expect error: 3:18: SyntaxError: Unexpected identifier '这里'
console.log('ok')
比如,async1().then 这里,去执行
