     function async1(){
         console.log('async1 start');
         return RESOLVE(async2())
         	.then(() => { console.log('async1 end') });
     }
     