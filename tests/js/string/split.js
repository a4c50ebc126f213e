// split with string separators and limits; separators with [Symbol.split].
const j = JSON.stringify
console.log(j('a,b,,c'.split(',')), j('a,b,c'.split(',', 2)), j('a,b'.split(',', 0)))
// expect: ["a","b","","c"] ["a","b"] []
console.log(j('abc'.split('')), j('abc'.split('', 2)), j(''.split('')), j(''.split(',')))
// expect: ["a","b","c"] ["a","b"] [] [""]
console.log(j('abc'.split()), j('abc'.split(undefined, 0)), j('test'.split('t')))
// expect: ["abc"] [] ["","es",""]
console.log(j('a--b--c'.split('--')), j('aaa'.split('a')), j('aaa'.split('aa')))
// expect: ["a","b","c"] ["","","",""] ["","a"]
console.log(j('a b  c'.split(' ')), j('one'.split('one')), j('x'.split('xyz')))
// expect: ["a","b","","c"] ["",""] ["x"]
console.log(j('a-b-c'.split('-', -1)), j('a-b-c'.split('-', 2 ** 32 + 1)), j('a-b'.split('-', '1')))
// expect: ["a","b","c"] ["a"] ["a"]
console.log(j('1,2,3'.split(2)), j('null1null'.split(null)), j('a\ud83d\ude00b'.split('').length))
// expect: ["1,",",3"] ["","1",""] 4
console.log(j(String.prototype.split.call(12345, 3))) // expect: ["12","45"]
const sep = { [Symbol.split](s, lim) { return ['custom', s, lim] } }
console.log(j('abc'.split(sep, 7))) // expect: ["custom","abc",7]
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(t(() => 'a'.split({ [Symbol.split]: 5 })))
// expect: TypeError: number 5 is not a function
console.log(t(() => String.prototype.split.call(undefined, ',')))
// expect: TypeError: String.prototype.split called on null or undefined
const order = []
const lim = { valueOf() { order.push('limit'); return 5 } }
const sp = { toString() { order.push('separator'); return ',' } }
console.log(j('a,b'.split(sp, lim)), order.join()) // expect: ["a","b"] limit,separator
