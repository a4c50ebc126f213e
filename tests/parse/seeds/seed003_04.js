     function async2(){
         console.log('async2');
         return Promise.resolve();
     }
     