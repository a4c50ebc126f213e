// Template literals, tagged templates and String.raw-like tags.
const name = 'world', n = 3
console.log(`hello ${name}, ${n + 1} times`)
console.log(`nested ${`inner ${n}`} done`)
function tag(strings, ...vals) {
  return strings.raw.join('|') + ' / ' + strings.join('|') + ' / ' + vals.join(',')
}
console.log(tag`a${1}b${2}c\n`)
function same(s) { return s }
const sites = []
for (let i = 0; i < 2; i++) sites.push(same`x`)
console.log(sites[0] === sites[1], Object.isFrozen(sites[0]))
console.log(`${[1, 2]} ${{}} ${null} ${undefined}`)

// expect: hello world, 4 times
// expect: nested inner 3 done
// expect: a|b|c\n / a|b|c
// expect:  / 1,2
// expect: true true
// expect: 1,2 [object Object] null undefined
