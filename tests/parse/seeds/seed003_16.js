new Promise(resolve => {
  Promise.resolve().then(() => {
    thenable.then(resolve)
  })
})
