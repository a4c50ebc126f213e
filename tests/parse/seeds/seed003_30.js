async function async1 () {
  async2().then(() => {
    console.log('async1 end')
  })
}
