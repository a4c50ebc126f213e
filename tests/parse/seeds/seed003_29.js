async function async1() {
  Promise.resolve(async2()).then(() => {
    console.log('async1 end')
  })
}
