new Promise(function(resolve){
  resolve();
})
