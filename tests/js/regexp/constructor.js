// The RegExp constructor (ecma262 #sec-regexp-pattern-flags): literals and new RegExp,
// RegExp(re) returning re itself, flags from another regexp, the flag accessors, source
// (EscapeRegExpPattern), toString, lastIndex as an own non-enumerable property, species,
// subclassing and Annex B compile.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
const re = /ab+c/gi
console.log(re.source, re.flags, re.global, re.ignoreCase, re.multiline, re.sticky, re.unicode)
// expect: ab+c gi true true false false false
console.log(re.dotAll, re.hasIndices, re.unicodeSets, /x/dgimsuy.flags, /x/v.unicodeSets)
// expect: false false false dgimsuy true
console.log(new RegExp('a|b', 'm').toString(), String(RegExp('x')), new RegExp().source, String(new RegExp('')))
// expect: /a|b/m /x/ (?:) /(?:)/
console.log(new RegExp('/', 'g').source, new RegExp('[/]').source, new RegExp('\\/').source, new RegExp('a\nb').source)
// expect: \/ [/] \/ a\nb
console.log(RegExp(re) === re, new RegExp(re) === re, RegExp(re, 'g') === re, new RegExp(re, 'y').flags)
// expect: true false false y
console.log(new RegExp(re).source, new RegExp(re).flags, new RegExp(/x/g, '').flags === '')
// expect: ab+c gi true
console.log(Object.getOwnPropertyNames(re), Object.keys(re), re.lastIndex)
// expect: [ 'lastIndex' ] [] 0
const d = Object.getOwnPropertyDescriptor(re, 'lastIndex')
console.log(d.writable, d.enumerable, d.configurable)
// expect: true false false
console.log(Object.getOwnPropertyNames(RegExp.prototype).join())
// expect: constructor,exec,dotAll,flags,global,hasIndices,ignoreCase,multiline,source,sticky,unicode,compile,toString,test,unicodeSets
console.log(RegExp.length, RegExp.name, RegExp[Symbol.species] === RegExp, typeof RegExp.prototype.exec)
// expect: 2 RegExp true function
console.log(RegExp.prototype.source, RegExp.prototype.flags, RegExp.prototype.global, String(RegExp.prototype))
// expect: (?:)  undefined /(?:)/
console.log(Object.prototype.toString.call(/x/), /x/ instanceof RegExp, typeof /x/, /x/ === /x/)
// expect: [object RegExp] true object false
const lits = []
for (let i = 0; i < 3; i++) lits.push(/lit/g)
console.log(lits[0] === lits[1], lits[0].source === lits[1].source)
// expect: false true
lits[0].lastIndex = 5
console.log(lits[1].lastIndex, lits[0].lastIndex)
// expect: 0 5
class MyRe extends RegExp {
  exec(s) { const m = super.exec(s); if (m) m.extra = 'sub'; return m }
}
const mr = new MyRe('o(.)', 'g')
console.log(mr instanceof MyRe, mr instanceof RegExp, mr.test('foo'), mr.lastIndex, 'boot'.replace(mr, '[$1]'))
// expect: true true true 3 b[o]t
console.log(mr.exec('xoy').extra, mr.constructor.name)
// expect: sub MyRe
const fake = { source: 'q+', flags: 'i', [Symbol.match]: true }
console.log(new RegExp(fake).toString(), RegExp.prototype.toString.call({ source: 'S', flags: 'F' }))
// expect: /q+/i /S/F
const c = /a/g
console.log(c.compile('b+', 'i') === c, c.source, c.flags, c.lastIndex, c.test('BB'))
// expect: true b+ i 0 true
console.log(t(() => c.compile(/z/, 'g')), c.compile(/z/m).flags)
// expect: TypeError: Cannot supply flags when constructing one RegExp from another m
console.log(new RegExp('\u{1F600}', 'u').test('\u{1F600}'), new RegExp(123).source, new RegExp(null).source)
// expect: true 123 null
console.log(new RegExp('a', undefined).flags, new RegExp(undefined, 'g').source)
// expect:  (?:)
