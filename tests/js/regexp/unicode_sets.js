// The v flag (unicodeSets, ES2024, #sec-compiletocharset ClassSetExpression): nested
// classes, intersection &&, subtraction --, string literals \q{...} (matched longest
// first), case folding of the operands under i, and the v-mode early errors with V8's
// messages (reserved double punctuators, unescaped syntax characters in a class).
const t = (re, s) => { const m = re.exec(s); return m ? JSON.stringify([...m]) + ' ' + m.index : 'null' }
const err = (p) => { try { new RegExp(p, 'v'); return 'ok' } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(t(/[\p{L}--[a-z]]+/v, 'abcDEFg'), t(/[\w&&\d]+/v, 'ab12c'), t(/[[a-z]--[aeiou]]+/v, 'education'), t(/[\d--[5-9]]+/v, '0123456'))
// expect: ["DEF"] 3 ["12"] 2 ["d"] 1 ["01234"] 0
console.log(t(/[\q{abc|ab|a}]/v, 'xabcx'), t(/[\q{abc|ab|a}x]+/v, 'xabcxabx'), t(/^[\q{}]$/v, ''), t(/[\q{ab|}]z/v, 'z'), t(/[a\q{bc}]{2}/v, 'abca'))
// expect: ["abc"] 1 ["xabcxabx"] 0 [""] 0 ["z"] 0 ["abc"] 0
console.log(t(/[^[^a-c]]+/v, 'zzabcz'), t(/[\q{ab}--\q{ab}]/v, 'ab'), t(/[[\q{ab|cd}]&&[\q{cd}]]/v, 'abcd'), t(/[[[a-f]--b]--c]+/v, 'abcdef'))
// expect: ["abc"] 2 null ["cd"] 2 ["a"] 0
console.log(t(/[\q{AB}]/vi, 'xaby'), t(/[\p{Lu}--[A-C]]/vi, 'abcd'), t(/[^\P{Lu}]/vi, 'a'), t(/\P{Lu}/vi, 'A'), t(/[^\p{Lu}]/vi, 'aA1'), t(/[[a-z]&&[^aeiou]]/vi, 'AEB'))
// expect: ["ab"] 1 ["d"] 3 ["a"] 0 null ["1"] 2 ["B"] 2
console.log(t(/(?<=[\q{ab|c}])x/v, 'abx'), t(/[[\u{1F600}-\u{1F64F}]--\u{1F610}]/v, '\u{1F610}\u{1F611}'), t(/[_\-&]+/v, 'a_-&b'), t(/[\&\!\#]+/v, '&!#'), t(/[\q{a\|b}]/v, 'a|b'))
// expect: ["x"] 2 ["😑"] 2 ["_-&"] 1 ["&!#"] 0 ["a|b"] 0
console.log(/[\w--\d]/v.flags, /a/v.unicodeSets, /a/v.unicode, 'ab'.split(/[\q{}]/v), 'x\u{1F4A9}y'.replace(/[\p{L}--x]/gv, '_'))
// expect: v true false [ 'a', 'b' ] x💩_
console.log(err('[a&&&b]'), '|', err('[(]'), '|', err('[a-]'), '|', err('[a--]'))
// expect: SyntaxError: Invalid regular expression: /[a&&&b]/v: Invalid character in character class | SyntaxError: Invalid regular expression: /[(]/v: Invalid character in character class | SyntaxError: Invalid regular expression: /[a-]/v: Invalid character in character class | SyntaxError: Invalid regular expression: /[a--]/v: Invalid character in character class
console.log(err('[&&a]'), '|', err('[a&&b--c]'), '|', err('[a!!b]'), '|', err('[a-z--b]'), '|', err('[ab&&c]'))
// expect: SyntaxError: Invalid regular expression: /[&&a]/v: Invalid set operation in character class | SyntaxError: Invalid regular expression: /[a&&b--c]/v: Invalid set operation in character class | SyntaxError: Invalid regular expression: /[a!!b]/v: Invalid set operation in character class | SyntaxError: Invalid regular expression: /[a-z--b]/v: Invalid set operation in character class | SyntaxError: Invalid regular expression: /[ab&&c]/v: Invalid set operation in character class
console.log(err('[^\\q{ab}]'), '|', err('[^\\q{a}]'), '|', err('[^[\\q{ab}]--\\q{ab}]'), '|', err('[^\\q{ab}&&a]'), '|', err('[^\\q{ab}--a]'))
// expect: SyntaxError: Invalid regular expression: /[^\q{ab}]/v: Negated character class may contain strings | ok | SyntaxError: Invalid regular expression: /[^[\q{ab}]--\q{ab}]/v: Negated character class may contain strings | ok | SyntaxError: Invalid regular expression: /[^\q{ab}--a]/v: Negated character class may contain strings
console.log(err('[[a]'), '|', err('[a-\\d]'), '|', err('[\\q]'), '|', err('[\\q{a\\d}]'), '|', err('[a-&]'), '|', err('[&-a]'), '|', err('[a&b]'))
// expect: SyntaxError: Invalid regular expression: /[[a]/v: Unterminated character class | SyntaxError: Invalid regular expression: /[a-\d]/v: Invalid character class | SyntaxError: Invalid regular expression: /[\q]/v: Invalid escape | SyntaxError: Invalid regular expression: /[\q{a\d}]/v: Invalid escape | SyntaxError: Invalid regular expression: /[a-&]/v: Range out of order in character class | ok | ok
