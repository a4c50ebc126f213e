// replace and replaceAll with string patterns: $-patterns, function replacers, empty
// patterns, and patterns with their own [Symbol.replace].
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log('aXbX'.replace('X', '_'), 'aXbX'.replaceAll('X', '_'), 'abc'.replace('z', '!'))
// expect: a_bX a_b_ abc
console.log('aXbX'.replace('X', "[$&|$$|$`|$']"), 'aXbX'.replaceAll('X', "[$`]"))
// expect: a[X|$|a|bX]bX a[a]b[aXb]
console.log('x'.replace('x', '$'), 'x'.replace('x', '$0$1$00$10$<n>$'), 'x'.replace('x', '$$$'))
// expect: $ $0$1$00$10$<n>$ $$
console.log('abc'.replace('', '-'), 'abc'.replaceAll('', '-'), ''.replaceAll('', 'e'), ''.replace('', 'z'))
// expect: -abc -a-b-c- e z
console.log('aaa'.replaceAll('aa', 'b'), 'aaaa'.replaceAll('aa', 'b'), 'abab'.replaceAll('ab', '$&$&'))
// expect: ba bb abababab
console.log('abc'.replace('b', (...a) => JSON.stringify(a))) // expect: a["b",1,"abc"]c
console.log('abcb'.replaceAll('b', (m, p, s) => `<${m}@${p}/${s.length}>`))
// expect: a<b@1/4>c<b@3/4>
const calls = []
console.log('a.a.a'.replaceAll('.', (m, p) => { calls.push(p); return p }), calls.join())
// expect: a1a3a 1,3
console.log('1 + 1'.replace('1', 2), 'null!'.replace(null, 'nil'), 'xundefinedx'.replace(undefined, '?'))
// expect: 2 + 1 nil! x?x
console.log('abc'.replace('b', { toString() { return '[$&]' } }), 'abc'.replace('b', () => 42))
// expect: a[b]c a42c
console.log('abc'.replace('b'), 'a-b-c'.replaceAll('-', undefined))
// expect: aundefinedc aundefinedbundefinedc
const pat = { [Symbol.replace](s, r) { return 'custom:' + s + ':' + r } }
console.log('abc'.replace(pat, 'R'), 'abc'.replaceAll(pat, 'Q'))
// expect: custom:abc:R custom:abc:Q
console.log(t(() => 'abc'.replaceAll({ [Symbol.match]: true, flags: 'i' }, 'x')))
// expect: TypeError: String.prototype.replaceAll called with a non-global RegExp argument
console.log(t(() => 'abc'.replaceAll({ [Symbol.match]: true, flags: undefined }, 'x')))
// expect: TypeError: String.prototype.replaceAll called on null or undefined
console.log('abc'.replaceAll({ [Symbol.match]: true, flags: 'g', [Symbol.replace]: () => 'ok' }, 'x'))
// expect: ok
console.log(t(() => 'a'.replace({ [Symbol.replace]: 5 }, 'x')))
// expect: TypeError: number 5 is not a function
console.log(t(() => String.prototype.replace.call(null, 'a', 'b')))
// expect: TypeError: String.prototype.replace called on null or undefined
console.log(t(() => String.prototype.replaceAll.call(undefined, 'a', 'b')))
// expect: TypeError: String.prototype.replaceAll called on null or undefined
console.log(t(() => 'abc'.replace('b', () => { throw new Error('from replacer') })))
// expect: Error: from replacer
console.log(t(() => 'abc'.replace('b', () => Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a string
