     function aysnc1(){
         console.log('async1 start');
         return new Promise(resolve => resolve(async2()))
             .then(() => {
             	console.log('async1 end');
         });
     }
     