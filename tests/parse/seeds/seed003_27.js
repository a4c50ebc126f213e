async function async1(){
  await async2()
  console.log('async1 end')
}
