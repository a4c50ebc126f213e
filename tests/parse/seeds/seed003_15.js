new Promise(resolve => {
    resolve(thenable);
})
