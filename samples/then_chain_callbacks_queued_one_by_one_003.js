// tickscope sample: seed 003 lines 140-151, a fragment completed by dropping its '...' lines.
new Promise(function(resolve){
    console.log('promise1');
    resolve();
}).then(function(){
    console.log('promise2');
}).then(function(){
    console.log('promise3');
})
