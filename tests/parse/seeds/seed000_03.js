async function async1() {  
  console.log('async1 start')  
  await new Promise(resolve => {  
    console.log('promise1')  
  })  
  console.log('async1 success')  
  return 'async1 end'  
}  
console.log('srcipt start')  
async1().then(res => console.log(res))  
console.log('srcipt end')

// srcipt start
// async1 start
// promise1
// srcipt end
// 执行结果中没有console.log('async1 success') 和 return 'async1 end'，因为promise没有执行resolve。

// 如果改成这样：
async function async1() {  
  console.log('async1 start')  
  await new Promise(resolve => {  
    console.log('promise1')
    resolve() // 加上resolve
  })  
  console.log('async1 success')  
  return 'async1 end'  
}  
console.log('srcipt start')  
async1().then(res => console.log(res))  
console.log('srcipt end')

// srcipt start
// async1 start
// promise1
// srcipt end
// async1 success
// async1 end
