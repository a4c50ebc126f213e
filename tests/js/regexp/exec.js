// RegExp.prototype.exec and test (#sec-regexpbuiltinexec): the result array with index,
// input, groups and (flag d) indices; lastIndex with g and y; RegExpExec calling a
// user-defined exec.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(/(\d+)-(\d+)?/.exec('tel 555- x'))
// expect: [
// expect:   '555-',
// expect:   '555',
// expect:   undefined,
// expect:   index: 4,
// expect:   input: 'tel 555- x',
// expect:   groups: undefined
// expect: ]
console.log(/(?<year>\d{4})-(?<month>\d\d)/.exec('on 2024-05-17').groups)
// expect: [Object: null prototype] { year: '2024', month: '05' }
const m = /(?<year>\d{4})-(?<month>\d\d)/.exec('on 2024-05-17')
console.log(m.index, m.input, m.length, m[0], m[1], m[2], Object.getPrototypeOf(m.groups))
// expect: 3 on 2024-05-17 3 2024-05 2024 05 null
console.log(/a(?<x>b)?(c)/d.exec('zac'))
// expect: [
// expect:   'ac',
// expect:   undefined,
// expect:   'c',
// expect:   index: 1,
// expect:   input: 'zac',
// expect:   groups: [Object: null prototype] { x: undefined },
// expect:   indices: [
// expect:     [ 1, 3 ],
// expect:     undefined,
// expect:     [ 2, 3 ],
// expect:     groups: [Object: null prototype] { x: undefined }
// expect:   ]
// expect: ]
console.log(/b/d.exec('abc').indices[0], /(x)|(b)/d.exec('abc').indices.length)
// expect: [ 1, 2 ] 3
const g = /o/g
console.log(g.exec('foo boo').index, g.lastIndex, g.exec('foo boo').index, g.lastIndex)
// expect: 1 2 2 3
console.log(g.exec('foo boo').index, g.exec('foo boo').index, g.exec('foo boo'), g.lastIndex)
// expect: 5 6 null 0
const y = /o/y
console.log(y.test('foo'), y.lastIndex, (y.lastIndex = 1, y.test('foo')), y.lastIndex, y.test('foo'), y.test('foo'), y.lastIndex)
// expect: false 0 true 2 true false 0
const nb = /x/
nb.lastIndex = 7
console.log(nb.test('x'), nb.lastIndex, nb.exec('aaxa').index)
// expect: true 7 2
const big = /a/g
big.lastIndex = 10
console.log(big.exec('aaa'), big.lastIndex)
// expect: null 0
big.lastIndex = '1'
console.log(big.exec('aaa').index, big.lastIndex)
// expect: 1 2
console.log(/(a)|(b)/.exec('b'), /()/.exec('')[1] === '')
// expect: [ 'b', undefined, 'b', index: 0, input: 'b', groups: undefined ] true
console.log(/x/.exec('y'), /^$/.test(''), /./.exec(undefined)[0], /null/.test(null))
// expect: null true u true
const custom = /q/
custom.exec = (s) => ({ 0: 'Q', index: 3, length: 1 })
console.log(custom.test('abc'), 'zzz'.replace(custom, '!'))
// expect: true zzz!
custom.exec = () => 42
console.log(t(() => custom.test('a')))
// expect: TypeError: RegExp exec method returned something other than an Object or null
console.log(t(() => RegExp.prototype.exec.call({}, 'a')), t(() => RegExp.prototype.test.call({ exec: () => null }, 'a')))
// expect: TypeError: Method RegExp.prototype.exec called on incompatible receiver #<Object> false
let calls = 0
const counted = { get lastIndex() { calls++; return 0 }, set lastIndex(v) {}, exec() { return null }, flags: 'g' }
console.log(RegExp.prototype[Symbol.match].call(counted, 'a'), calls)
// expect: null 0
