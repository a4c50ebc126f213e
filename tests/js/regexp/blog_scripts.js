// The kind of regular expressions that scripts in blog posts use: slugs and templates,
// trimming and splitting, validation, parsing dates and query strings, camelCase.
const slug = (s) => s.toLowerCase().trim().replace(/[^\w\s-]/g, '').replace(/[\s_-]+/g, '-').replace(/^-+|-+$/g, '')
console.log(slug('  Hello, World! Async/Await in 2024 -- a Guide  '))
// expect: hello-world-asyncawait-in-2024-a-guide
const tpl = 'Hi {{name}}, you have {{ count }} new {{what}}'
console.log(tpl.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => ({ name: 'Ada', count: 3 })[k] ?? `<${k}>`))
// expect: Hi Ada, you have 3 new <what>
const isEmail = (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)
console.log(isEmail('me@example.com'), isEmail('bad@com'), isEmail('a b@c.d'))
// expect: true false false
const q = 'a=1&b=two%20words&c=&flag'
console.log(Object.fromEntries([...q.matchAll(/([^&=]+)=?([^&]*)/g)].map((m) => [m[1], m[2].replace(/%20/g, " ")])))
// expect: { a: '1', b: 'two words', c: '', flag: '' }
console.log('backgroundColor'.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()), 'foo-bar-baz'.replace(/-(\w)/g, (_, c) => c.toUpperCase()))
// expect: background-color fooBarBaz
console.log('1234567.891'.replace(/\B(?=(\d{3})+(?!\d))/g, ','), '  padded\t\n'.replace(/^\s+|\s+$/g, '') + '|')
// expect: 1,234,567.891 padded|
const m = '2024-03-09T14:05:00Z'.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/)
console.log(m.slice(1).map(Number))
// expect: [ 2024, 3, 9, 14, 5 ]
const log = 'GET /api/users 200 12ms\nPOST /api/login 401 3ms\nGET /health 200 1ms'
for (const line of log.split(/\n/)) {
  const { method, path, status } = line.match(/^(?<method>[A-Z]+) (?<path>\S+) (?<status>\d{3})/).groups
  if (status !== '200') console.log(method, path, status)
// expect: POST /api/login 401
}
console.log('The year 1999 and 2024'.match(/\b\d{4}\b/g), 'a,b , c ,d'.split(/\s*,\s*/))
// expect: [ '1999', '2024' ] [ 'a', 'b', 'c', 'd' ]
console.log('<b>bold</b> and <i>it</i>'.replace(/<(\/?)(\w+)>/g, '[$1$2]'), 'tabs\tand  spaces'.split(/\s+/).length)
// expect: [b]bold[/b] and [i]it[/i] 3
console.log(/^#?([a-f\d]{2})([a-f\d]{2})([a-f\d]{2})$/i.exec('#FFa500').slice(1).map((h) => parseInt(h, 16)))
// expect: [ 255, 165, 0 ]
console.log('async1 end'.replace(/\s/g, '_'), 'promise1 promise2'.match(/promise\d/g).length)
// expect: async1_end 2
