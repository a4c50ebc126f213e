// Errors with V8's texts: invalid patterns and flags given to the constructor (early
// errors of #sec-patterns-static-semantics-early-errors become SyntaxErrors at run time),
// receivers that are not RegExps, and a match that needs more backtracking memory than
// the engine has (V8's RangeError).
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
const bad = [['(', ''], ['(', 'u'], [')', ''], ['*', ''], ['a**', ''], ['a{2,1}', ''], ['[b-a]', ''],
  ['[a', ''], ['\\', ''], ['(?x)', ''], ['(?<a>x)(?<a>y)', ''], ['\\k<b>(?<a>x)', ''],
  ['(?<1>x)', ''], ['(?<=a)+', ''], ['a{', 'u'], ['}', 'u'], [']', 'u'], ['\\1', 'u'],
  ['\\-', 'u'], ['[\\d-a]', 'u'], ['\\u{110000}', 'u'], ['\\00', 'u'], ['\\k', 'u'],
  ['(?=a)+', 'u'], ['\\c', 'u'], ['\\q', 'u'], ['(?<a', ''], ['\\xZ', 'u'], ['(?:', ''], ['{1}', '']]
for (const [p, f] of bad) console.log(t(() => new RegExp(p, f)))
// expect: SyntaxError: Invalid regular expression: /(/: Unterminated group
// expect: SyntaxError: Invalid regular expression: /(/u: Unterminated group
// expect: SyntaxError: Invalid regular expression: /)/: Unmatched ')'
// expect: SyntaxError: Invalid regular expression: /*/: Nothing to repeat
// expect: SyntaxError: Invalid regular expression: /a**/: Nothing to repeat
// expect: SyntaxError: Invalid regular expression: /a{2,1}/: numbers out of order in {} quantifier
// expect: SyntaxError: Invalid regular expression: /[b-a]/: Range out of order in character class
// expect: SyntaxError: Invalid regular expression: /[a/: Unterminated character class
// expect: SyntaxError: Invalid regular expression: /\/: \ at end of pattern
// expect: SyntaxError: Invalid regular expression: /(?x)/: Invalid group
// expect: SyntaxError: Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name
// expect: SyntaxError: Invalid regular expression: /\k<b>(?<a>x)/: Invalid named capture referenced
// expect: SyntaxError: Invalid regular expression: /(?<1>x)/: Invalid capture group name
// expect: SyntaxError: Invalid regular expression: /(?<=a)+/: Invalid quantifier
// expect: SyntaxError: Invalid regular expression: /a{/u: Incomplete quantifier
// expect: SyntaxError: Invalid regular expression: /}/u: Lone quantifier brackets
// expect: SyntaxError: Invalid regular expression: /]/u: Lone quantifier brackets
// expect: SyntaxError: Invalid regular expression: /\1/u: Invalid escape
// expect: SyntaxError: Invalid regular expression: /\-/u: Invalid escape
// expect: SyntaxError: Invalid regular expression: /[\d-a]/u: Invalid character class
// expect: SyntaxError: Invalid regular expression: /\u{110000}/u: Invalid Unicode escape
// expect: SyntaxError: Invalid regular expression: /\00/u: Invalid decimal escape
// expect: SyntaxError: Invalid regular expression: /\k/u: Invalid named reference
// expect: SyntaxError: Invalid regular expression: /(?=a)+/u: Invalid quantifier
// expect: SyntaxError: Invalid regular expression: /\c/u: Invalid Unicode escape
// expect: SyntaxError: Invalid regular expression: /\q/u: Invalid escape
// expect: SyntaxError: Invalid regular expression: /(?<a/: Invalid capture group name
// expect: SyntaxError: Invalid regular expression: /\xZ/u: Invalid escape
// expect: SyntaxError: Invalid regular expression: /(?:/: Unterminated group
// expect: SyntaxError: Invalid regular expression: /{1}/: Nothing to repeat
console.log(t(() => new RegExp('a', 'gg')), t(() => new RegExp('a', 'x')), t(() => new RegExp('a', 'uv')))
// expect: SyntaxError: Invalid flags supplied to RegExp constructor 'gg' SyntaxError: Invalid flags supplied to RegExp constructor 'x' SyntaxError: Invalid flags supplied to RegExp constructor 'uv'
console.log(t(() => RegExp.prototype.exec.call({}, 'a')), t(() => RegExp.prototype.toString.call(1)))
// expect: TypeError: Method RegExp.prototype.exec called on incompatible receiver #<Object> TypeError: Method RegExp.prototype.toString called on incompatible receiver 1
console.log(t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'global').get.call({})))
// expect: TypeError: RegExp.prototype.global getter called on non-RegExp object
console.log(t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call({})))
// expect: TypeError: RegExp.prototype.source getter called on non-RegExp object
console.log(t(() => Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(1)))
// expect: TypeError: RegExp.prototype.flags getter called on non-object 1
console.log(t(() => RegExp.prototype[Symbol.match].call(1, 'a')), t(() => RegExp.prototype[Symbol.split].call(1, 'a')))
// expect: TypeError: Method RegExp.prototype.@@match called on incompatible receiver 1 TypeError: Method RegExp.prototype.@@split called on incompatible receiver 1
console.log(t(() => RegExp.prototype[Symbol.search].call(1, 'a')), t(() => RegExp.prototype[Symbol.matchAll].call(1, 'a')))
// expect: TypeError: Method RegExp.prototype.@@search called on incompatible receiver 1 TypeError: Method RegExp.prototype.@@matchAll called on incompatible receiver 1
console.log(t(() => 'a'.match({ [Symbol.match]: 5 })), t(() => 'abc'.search({ [Symbol.search]: 'x' })))
// expect: TypeError: '5' returned for property 'Symbol(Symbol.match)' of object '#<Object>' is not a function TypeError: 'x' returned for property 'Symbol(Symbol.search)' of object '#<Object>' is not a function
console.log(t(() => 'x'.replace(/x/, { toString() { throw new Error('from toString') } })))
// expect: Error: from toString
console.log(t(() => 'x'.replace(/x/, () => { throw new TypeError('from replacer') })))
// expect: TypeError: from replacer
console.log(t(() => /(a|b)*c/.test('ab'.repeat(5e6))))
// expect: RangeError: Maximum call stack size exceeded
console.log(t(() => 'ab'.repeat(3e6).match(/(?:a|b)*$/)[0].length))
// expect: 6000000
