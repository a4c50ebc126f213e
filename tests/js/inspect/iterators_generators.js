// Generator objects, array/string iterators and the arguments object.
function* gen() { yield 1 }
console.log(gen(), [gen()])
// expect: Object [Generator] {} [ Object [Generator] {} ]
console.log([1, 2].values(), [1, 2].entries(), 'ab'[Symbol.iterator]())
// expect: Object [Array Iterator] {} Object [Array Iterator] {} Object [String Iterator] {}
;(function () { console.log(arguments) })(1, 'a', { b: 2 })
// expect: [Arguments] { '0': 1, '1': 'a', '2': { b: 2 } }
;(function () { console.log(arguments) })()
// expect: [Arguments] {}
;(function () { 'use strict'; console.log([arguments]) })(1)
// expect: [ [Arguments] { '0': 1 } ]
