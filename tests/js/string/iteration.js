// Strings iterate by code point: for-of, spread, Array.from, destructuring; lone
// surrogates come out alone.
const s = 'a\u00e9\ud83d\ude00\ud800z'
const parts = []
for (const ch of s) parts.push(ch.length)
console.log(parts.join(), [...s].length, s.length, Array.from('abc').join('|'))
// expect: 1,1,2,1,1 5 6 a|b|c
const [first, second, ...rest] = 'h\ud83d\ude00llo'
console.log(first, second.codePointAt(0).toString(16), rest.join('')) // expect: h 1f600 llo
const it = 'ab'[Symbol.iterator]()
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()))
// expect: {"value":"a","done":false} {"value":"b","done":false} {"done":true}
console.log(Object.prototype.toString.call(it), typeof String.prototype[Symbol.iterator])
// expect: [object String Iterator] function
console.log([...new String('xy')].join('+'), [...''].length) // expect: x+y 0
