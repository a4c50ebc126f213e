  let thenable = {
    then: function(resolve, reject) {
      console.log('in thenable');
      resolve(42);
    }
  };
  
  new Promise((r) => {
    console.log('in p0');
    r(thenable);
  })
  .then(() => { console.log('0-0') })
  .then(() => { console.log('0-1') })
  .then(() => { console.log('0-2') })
  .then(() => { console.log('0-3') });
  
  new Promise((r) => {
    console.log('in p1');
    r();
  })
  .then(() => { console.log('1-0') })
  .then(() => { console.log('1-1') })
  .then(() => { console.log('1-2') })
  .then(() => { console.log('1-3') });
  