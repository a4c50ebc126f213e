// Strings inside containers: single quotes, or " when the text has ', or ` when it has
// both (and no ` or ${), else ' with \' escapes; control characters escaped.
console.log(['plain', "it's", 'say "hi"', `both ' and "`, 'all \' " `', 'tpl \' " ${x}'])
// expect: [
// expect:   'plain',
// expect:   "it's",
// expect:   'say "hi"',
// expect:   `both ' and "`,
// expect:   'all \' " `',
// expect:   'tpl \' " ${x}'
// expect: ]
console.log(['back\\slash', 'tab\t', 'nl\n', 'cr\r', 'nul\0', 'bell\x07', 'esc\x1b[0m', 'vt\v', 'ff\f', 'bs\b'])
// expect: [
// expect:   'back\\slash', 'tab\t',
// expect:   'nl\n',        'cr\r',
// expect:   'nul\x00',     'bell\x07',
// expect:   'esc\x1B[0m',  'vt\x0B',
// expect:   'ff\f',        'bs\b'
// expect: ]
console.log(['del\x7f', 'c1\x85\x9f', 'nbsp\xa0', 'latin é', 'cjk 中文', 'emoji 😀'])
// expect: [ 'del\x7F', 'c1\x85\x9F', 'nbsp ', 'latin é', 'cjk 中文', 'emoji 😀' ]
console.log(['lone \ud83d high', 'lone \ude00 low', 'pair \ud83d\ude00 ok'])
// expect: [ 'lone \ud83d high', 'lone \ude00 low', 'pair 😀 ok' ]
console.log({ key: 'value with \'single\' quote' }, { q: 'a"b' })
// expect: { key: "value with 'single' quote" } { q: 'a"b' }
console.log(['x'.repeat(100)])
// expect: [
// expect:   'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
// expect: ]
console.log(['line one\nline two\nline three, which is long enough to be split by inspect'])
// expect: [
// expect:   'line one\nline two\nline three, which is long enough to be split by inspect'
// expect: ]
console.log({ text: 'first line\nsecond line\nthird line that makes the whole string long\n' })
// expect: {
// expect:   text: 'first line\nsecond line\nthird line that makes the whole string long\n'
// expect: }
console.log({ s: 'a\nb' }, ['short\n'])
// expect: { s: 'a\nb' } [ 'short\n' ]
console.log({ key: 'x'.repeat(75) })
// expect: {
// expect:   key: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
// expect: }
console.log([['y'.repeat(70)]])
// expect: [
// expect:   [
// expect:     'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'
// expect:   ]
// expect: ]
console.log(['z'.repeat(10003)].map(s => s.length))
// expect: [ 10003 ]
console.log(['w'.repeat(10002)].toString().length)
// expect: 10002
