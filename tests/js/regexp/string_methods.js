// The String methods that dispatch to RegExp.prototype's symbol methods: replace and
// replaceAll ($1 $& $` $' $<name> $$ and function replacers), match (with and without g),
// matchAll (the RegExp String Iterator), search, and split with captures and a limit.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log('2024-05-17'.replace(/-/g, '/'), 'a.b.c'.replace(/\./, '!'), 'x'.replace(/y/, 'z'))
// expect: 2024/05/17 a!b.c x
console.log('John Smith'.replace(/(\w+)\s(\w+)/, '$2, $1'), 'abc'.replace(/b/, "[$`|$&|$']"), 'a'.replace(/a/, '$$-$'))
// expect: Smith, John a[a|b|c]c $-$
console.log('abc'.replace(/(b)/, '$0 $1 $2 $01 $10 $00'), 'abcdefghijkl'.replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, '$11-$10-$1'))
// expect: a$0 b $2 b b0 $00c k-j-al
console.log('2024-05'.replace(/(?<y>\d+)-(?<m>\d+)/, '$<m>/$<y> $<nope>|$<y'), 'x'.replace(/(x)/, '$<y>'))
// expect: 05/2024 |$<y $<y>
console.log('aaa'.replace(/a/g, (m, i) => i), 'a1b22'.replace(/\d+/g, (m) => m * 2), 'x'.replace(/y/g, () => 'never'))
// expect: 012 a2b44 x
console.log('k=v'.replace(/(?<key>\w)=(?<val>\w)/, (...args) => JSON.stringify(args)))
// expect: ["k=v","k","v",0,"k=v",{"key":"k","val":"v"}]
console.log('abc'.replace(/(a)(z)?/, (m, p1, p2, off, s) => [m, p1, p2, off, s].join('|')))
// expect: a|a||0|abcbc
console.log('aaa'.replaceAll(/a/g, 'b'), 'a.b.c'.replaceAll('.', '$&$&'), 'xyx'.replaceAll(/x/g, (m, i) => i))
// expect: bbb a..b..c 0y2
console.log(t(() => 'a'.replaceAll(/a/, 'b')), t(() => 'a'.matchAll(/a/)))
// expect: TypeError: String.prototype.replaceAll called with a non-global RegExp argument TypeError: String.prototype.matchAll called with a non-global RegExp argument
console.log('The Quick Brown'.match(/[A-Z]/g), 'none'.match(/\d/g), 'ab'.match(/(?:)/g), 'a1b2'.match(/\d/))
// expect: [ 'T', 'Q', 'B' ] null [ '', '', '' ] [ '1', index: 1, input: 'a1b2', groups: undefined ]
console.log('x'.match(), 'a+b'.match('+b'.replace('+', '\\+')), '12'.match(12))
// expect: [ '', index: 0, input: 'x', groups: undefined ] [ '+b', index: 1, input: 'a+b', groups: undefined ] [ '12', index: 0, input: '12', groups: undefined ]
const all = [...'a1b22c333'.matchAll(/[a-z](?<n>\d+)/g)]
console.log(all.map((m) => `${m[0]}:${m.groups.n}@${m.index}`).join(' '), all.length)
// expect: a1:1@0 b22:22@2 c333:333@5 3
const it = 'xy'.matchAll(/./g)
console.log(Object.prototype.toString.call(it), typeof it[Symbol.iterator], it.next(), it.next().value[0], it.next())
// expect: [object RegExp String Iterator] function {
// expect:   value: [ 'x', index: 0, input: 'xy', groups: undefined ],
// expect:   done: false
// expect: } y { value: undefined, done: true }
console.log([...'abc'.matchAll('b')].map((m) => m.index), [...'aaa'.matchAll(/(?:)/g)].length)
// expect: [ 1 ] 4
console.log('abcabc'.search(/c/), 'abc'.search(/z/), 'a.c'.search('.'), 'xAy'.search(/a/i))
// expect: 2 -1 0 1
const s = /b/g
s.lastIndex = 3
console.log('abcb'.search(s), s.lastIndex)
// expect: 1 3
console.log('a  b\tc\nd'.split(/\s+/), 'a,b;c'.split(/[,;]/), 'abc'.split(/(b)/), 'abc'.split(/(?:)/))
// expect: [ 'a', 'b', 'c', 'd' ] [ 'a', 'b', 'c' ] [ 'a', 'b', 'c' ] [ 'a', 'b', 'c' ]
console.log('a1b2c3'.split(/\d/, 2), 'a1b2c3'.split(/(\d)/, 4), ''.split(/x/), ''.split(/(?:)/), 'ab'.split(/x*/))
// expect: [ 'a', 'b' ] [ 'a', '1', 'b', '2' ] [ '' ] [] [ 'a', 'b' ]
console.log('A<B>C'.split(/<|>/), 'test'.split(/(t)?/), '\u{1F600}x'.split(/(?:)/u).length, '\u{1F600}x'.split('').length)
// expect: [ 'A', 'B', 'C' ] [ '', 't', 'e', undefined, 's', 't', '' ] 2 3
console.log('one  two'.split(/(\s)+/), 'x'.split(/x/), 'axbxc'.split(/x/y), 'aXbxc'.split(/x/i))
// expect: [ 'one', ' ', 'two' ] [ '', '' ] [ 'a', 'b', 'c' ] [ 'a', 'b', 'c' ]
class Sep extends RegExp {}
console.log('a-b'.split(new Sep('-')), new Sep('-')[Symbol.split]('c-d', 1))
// expect: [ 'a', 'b' ] [ 'c' ]
const tricky = { [Symbol.replace]: (s, r) => `replaced ${s} with ${r}`, [Symbol.split]: (s, l) => [s, l] }
console.log('abc'.replace(tricky, 'X'), 'abc'.split(tricky, 3))
// expect: replaced abc with X [ 'abc', 3 ]
const noSym = /b/
noSym[Symbol.split] = undefined
console.log('abc'.split(noSym), 'a/b/'.split(/\//))
// expect: [ 'abc' ] [ 'a', 'b', '' ]
