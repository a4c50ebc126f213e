// Regression (fixed last session): String.prototype methods called on a non-string
// receiver convert it with ToString (#sec-string.prototype.slice step 1-2).
console.log(String.prototype.slice.call(123456, 1, 3))
console.log(String.prototype.toUpperCase.call(true))
console.log(String.prototype.indexOf.call(123456, "4"))
// expect: 23
// expect: TRUE
// expect: 3
