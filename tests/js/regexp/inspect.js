// console.log of regular expressions prints them as node does: /source/flags, inside
// arrays and objects too, with extra own properties, and the match arrays and iterators.
const re = /a\/b[/]c/gimsuy
console.log(re, [re], { re, list: [/x/, /y/d] })
// expect: /a\/b[/]c/gimsuy [ /a\/b[/]c/gimsuy ] { re: /a\/b[/]c/gimsuy, list: [ /x/, /y/d ] }
console.log(new RegExp(''), new RegExp('\n'), /\u{1F600}/u, String(/[\]]/))
// expect: /(?:)/ /\n/ /\u{1F600}/u /[\]]/
const withProp = /p/g
withProp.note = 'hi'
console.log(withProp, { nested: { deeper: { deepest: /deep/ } } })
// expect: /p/g { note: 'hi' } { nested: { deeper: { deepest: /deep/ } } }
class R2 extends RegExp {}
console.log(new R2('sub', 'g'), Object.create(RegExp.prototype) instanceof RegExp)
// expect: R2 /sub/g true
console.log('a1'.matchAll(/\d/g), /(?<n>z)/.exec('z'))
// expect: Object [RegExp String Iterator] {} [
// expect:   'z',
// expect:   'z',
// expect:   index: 0,
// expect:   input: 'z',
// expect:   groups: [Object: null prototype] { n: 'z' }
// expect: ]
console.log(`${/tpl/g}`, /x/ + '', JSON.stringify({ r: /j/ }), Object.keys(/k/g))
// expect: /tpl/g /x/ {"r":{}} []
