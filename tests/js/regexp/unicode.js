// The u flag: code points instead of code units (surrogate pairs are one character for
// ., classes, quantifiers and lastIndex advancing), \u{...} escapes, simple case folding,
// and Unicode property escapes \p{...} / \P{...} (General_Category, Script, binary ones).
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
const smile = '\u{1F600}'
console.log(/^.$/.test(smile), /^.$/u.test(smile), /^..$/.test(smile), smile.match(/./gu).length, smile.match(/./g).length)
// expect: false true true 1 2
console.log(/\u{1F600}/u.test(smile), /\u{1F600}/.test('u'.repeat(1) + 'u'.repeat(0)), /^[\u{1F600}-\u{1F64F}]$/u.test('\u{1F64A}'))
// expect: true false true
console.log(/\ud83d/u.test(smile), /\ud83d/.test(smile), 'a\u{1F600}b'.split(/(?:)/u).length, 'a\u{1F600}b'.split(/(?:)/).length)
// expect: false true 3 4
console.log(/x{2}/u.exec('axxb').index, /\u{61}{3}/u.test('aaa'), t(() => new RegExp('\\u{61}{3}')), /\u{61}/.test('u'.repeat(61)))
// expect: 1 true SyntaxError: Invalid regular expression: /\u{61}{3}/: Nothing to repeat true
const g = /(?:)/gu
g.lastIndex = 1
console.log(g.exec(smile).index, g.lastIndex, 'a'.replace(/(?:)/gu, '-'))
// expect: 0 0 -a-
console.log(/\u212a/iu.test('k'), /\u212a/i.test('k'), /[a-z]/iu.test('\u017f'), /ΣΑΣ/iu.test('σας'))
// expect: true false true true
console.log('Héllo Wörld 123 ΑΒΓ'.match(/\p{L}+/gu), 'abc ΑΒΓ'.match(/\p{Script=Greek}+/u)[0], /\p{Lu}/u.test('a'), /\P{Lu}/u.test('a'))
// expect: [ 'Héllo', 'Wörld', 'ΑΒΓ' ] ΑΒΓ false true
console.log('a😀b🎉'.match(/\p{Emoji_Presentation}/gu), /^\p{sc=Han}+$/u.test('漢字'), /[\p{N}\p{P}]+/u.exec('ab12.,x')[0])
// expect: [ '😀', '🎉' ] true 12.,
console.log(/\p{gc=Nd}/u.test('٣'), /\p{General_Category=Letter}/u.test('x'), /\p{Any}/u.test('\u{10FFFF}'), /\p{Assigned}/u.test('\u0378'), /\p{ASCII}/u.test('é'))
// expect: true true true false false
console.log(/\p{Lu}/iu.test('a'), /[^\p{L}]/u.test('a'), /\p{LC}/u.test('ǅ'), /\p{White_Space}/u.test('\u3000'), /\p{L}/.test('p{L}'))
// expect: true false true true true
console.log(t(() => new RegExp('\\p{Foo}', 'u')), t(() => new RegExp('[\\p{Foo}]', 'u')), t(() => new RegExp('\\p{L', 'u')), t(() => new RegExp('\\p{sc}', 'u')))
// expect: SyntaxError: Invalid regular expression: /\p{Foo}/u: Invalid property name SyntaxError: Invalid regular expression: /[\p{Foo}]/u: Invalid property name in character class SyntaxError: Invalid regular expression: /\p{L/u: Invalid property name SyntaxError: Invalid regular expression: /\p{sc}/u: Invalid property name
