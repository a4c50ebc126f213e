// Function and var hoisting.
console.log(typeof hoisted, hoisted())
function hoisted() { return 'yes' }
console.log(v)
var v = 3
console.log(v)
function outer() {
  return inner()
  function inner() { return 'inner' }
}
console.log(outer())

// expect: function yes
// expect: undefined
// expect: 3
// expect: inner
