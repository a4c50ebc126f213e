// The Array constructor, Array.of, Array.isArray, Array.from and get Array[@@species].
const show = (label, f) => {
  try { console.log(label, JSON.stringify(f())) } catch (e) { console.log(label, e.constructor.name + ': ' + e.message) }
}
show('empty', () => Array())
show('new empty', () => new Array())
show('length 3', () => Array(3).length)
show('holes', () => Array(3))
show('one element', () => Array('3'))
show('elements', () => new Array(1, 2, 3))
show('zero', () => new Array(0).length)
show('minus zero', () => new Array(-0).length)
show('max length', () => new Array(4294967295).length)
show('too long', () => new Array(4294967296))
show('negative', () => Array(-1))
show('fraction', () => new Array(1.5))
show('NaN', () => Array(NaN))
show('isArray', () => [Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray(Array.prototype), Array.isArray()])
show('of', () => Array.of(7, 'x', null))
show('of empty', () => Array.of())
show('of length', () => Array.of(3).length)
show('from string', () => Array.from('héllo'))
show('from surrogates', () => Array.from('a\u{1F600}b').length)
show('from array-like', () => Array.from({ length: 3, 0: 'a', 2: 'c' }))
show('from mapFn', () => Array.from({ length: 4 }, (_, i) => i * i))
show('from thisArg', () => Array.from([1, 2], function (x) { return x + this.k }, { k: 10 }))
show('from generator', () => Array.from((function* () { yield 1; yield 2; yield 3 })()))
show('from number', () => Array.from(5))
show('from array', () => Array.from([1, , 3]))
show('from null', () => Array.from(null))
show('from undefined', () => Array.from())
show('from bad mapFn', () => Array.from([1], 3))
show('from bad iterator', () => Array.from({ [Symbol.iterator]: 5 }))
show('from null iterator', () => Array.from({ [Symbol.iterator]: null, length: 1, 0: 'x' }))
show('iterator result', () => Array.from({ [Symbol.iterator]() { return { next() { return 3 } } } }))
show('iterator object', () => Array.from({ [Symbol.iterator]() { return 5 } }))
// mapFn throwing closes the iterator
const closing = {
  [Symbol.iterator]() {
    let i = 0
    return { next() { return { value: i++, done: false } }, return() { console.log('return called'); return {} } }
  }
}
show('close on throw', () => Array.from(closing, (x) => { if (x === 2) throw new Error('stop at ' + x); return x }))
// Array.from and Array.of use this as a constructor
function Box(n) { this.made = n }
show('from with this', () => Array.from.call(Box, [1, 2]))
show('from array-like with this', () => Array.from.call(Box, { length: 1, 0: 'z' }))
show('of with this', () => Array.of.call(Box, 'a', 'b'))
show('of with non-constructor', () => Array.of.call(Math.max, 1))
show('species', () => Array[Symbol.species] === Array)
class MyArray extends Array {}
const m = MyArray.from([1, 2, 3])
show('subclass from', () => [m instanceof MyArray, m.length])
show('subclass of', () => MyArray.of(1) instanceof MyArray)
show('subclass map', () => m.map(x => x * 2) instanceof MyArray)
show('subclass new', () => new MyArray(3).length)
console.log(Array.length, Array.name, Array.prototype.length, Array.from.length, Array.of.length)
console.log(Object.getOwnPropertyNames(Array).join())

// expect: empty []
// expect: new empty []
// expect: length 3 3
// expect: holes [null,null,null]
// expect: one element ["3"]
// expect: elements [1,2,3]
// expect: zero 0
// expect: minus zero 0
// expect: max length 4294967295
// expect: too long RangeError: Invalid array length
// expect: negative RangeError: Invalid array length
// expect: fraction RangeError: Invalid array length
// expect: NaN RangeError: Invalid array length
// expect: isArray [true,false,true,false]
// expect: of [7,"x",null]
// expect: of empty []
// expect: of length 1
// expect: from string ["h","é","l","l","o"]
// expect: from surrogates 3
// expect: from array-like ["a",null,"c"]
// expect: from mapFn [0,1,4,9]
// expect: from thisArg [11,12]
// expect: from generator [1,2,3]
// expect: from number []
// expect: from array [1,null,3]
// expect: from null TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: from undefined TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))
// expect: from bad mapFn TypeError: 3 is not a function
// expect: from bad iterator TypeError: %Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function
// expect: from null iterator ["x"]
// expect: iterator result TypeError: Iterator result 3 is not an object
// expect: iterator object TypeError: Result of the Symbol.iterator method is not an object
// expect: return called
// expect: close on throw Error: stop at 2
// expect: from with this {"0":1,"1":2,"length":2}
// expect: from array-like with this {"0":"z","made":1,"length":1}
// expect: of with this {"0":"a","1":"b","made":2,"length":2}
// expect: of with non-constructor [1]
// expect: species true
// expect: subclass from [true,3]
// expect: subclass of true
// expect: subclass map true
// expect: subclass new 3
// expect: 1 Array 0 1 0
// expect: length,name,prototype,isArray,from,of
