// concat, toString/valueOf, isWellFormed/toWellFormed, normalize's reach, the Annex B
// HTML methods, and the method set of String.prototype.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log('a'.concat('b', 1, null, [2, 3], {}), ''.concat(), String.prototype.concat.call(1, 2, [3]))
// expect: ab1null2,3[object Object]  123
console.log(t(() => 'a'.concat(Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a string
console.log(t(() => String.prototype.concat.call(null, 'x')))
// expect: TypeError: String.prototype.concat called on null or undefined
console.log('abc'.toString(), new String('xyz').valueOf(), typeof new String('q').valueOf())
// expect: abc xyz string
console.log(t(() => String.prototype.toString.call(1)))
// expect: TypeError: String.prototype.toString requires that 'this' be a String
console.log(t(() => String.prototype.valueOf.call({})))
// expect: TypeError: String.prototype.valueOf requires that 'this' be a String
console.log(t(() => String.prototype.toString.call(Object.create(String.prototype))))
// expect: TypeError: String.prototype.toString requires that 'this' be a String
console.log(String.prototype.toString.call(Object('boxed')), String.prototype.valueOf.call(String.prototype) === '')
// expect: boxed true
console.log('ab'.isWellFormed(), 'a\ud800'.isWellFormed(), '\udc00a'.isWellFormed(), '\ud83d\ude00'.isWellFormed())
// expect: true false false true
console.log('a\ud800b'.toWellFormed().charCodeAt(1).toString(16), '\ude00\ud83d'.toWellFormed().length, 'ok'.toWellFormed())
// expect: fffd 2 ok
console.log('abc'.normalize(), 'abc'.normalize('NFD'), 'café'.normalize('NFC'), 'ÀÉ'.normalize('NFKC').length)
// expect: abc abc café 2
console.log('日本語 текст'.normalize() === '日本語 текст', 'x'.normalize(undefined)) // expect: true x
console.log(t(() => 'abc'.normalize('nfc')))
// expect: RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.
console.log(t(() => 'abc'.normalize('')))
// expect: RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.
console.log(t(() => String.prototype.normalize.call(null)))
// expect: TypeError: String.prototype.normalize called on null or undefined
console.log('x'.anchor('a"b'), 'x'.big(), 'x'.blink(), 'x'.bold(), 'x'.fixed(), 'x'.italics())
// expect: <a name="a&quot;b">x</a> <big>x</big> <blink>x</blink> <b>x</b> <tt>x</tt> <i>x</i>
console.log('x'.fontcolor('red'), 'x'.fontsize(7), 'x'.link('http://a?b="c"'), 'x'.small())
// expect: <font color="red">x</font> <font size="7">x</font> <a href="http://a?b=&quot;c&quot;">x</a> <small>x</small>
console.log('x'.strike(), 'x'.sub(), 'x'.sup(), 'x'.anchor(), String.prototype.link.call(42, 'u'))
// expect: <strike>x</strike> <sub>x</sub> <sup>x</sup> <a name="undefined">x</a> <a href="u">42</a>
console.log(t(() => String.prototype.bold.call(undefined)))
// expect: TypeError: String.prototype.bold called on null or undefined
console.log(Object.getOwnPropertyNames(String.prototype).join())
// expect: length,constructor,anchor,at,big,blink,bold,charAt,charCodeAt,codePointAt,concat,endsWith,fontcolor,fontsize,fixed,includes,indexOf,isWellFormed,italics,lastIndexOf,link,localeCompare,match,matchAll,normalize,padEnd,padStart,repeat,replace,replaceAll,search,slice,small,split,strike,sub,substr,substring,sup,startsWith,toString,toWellFormed,trim,trimStart,trimLeft,trimEnd,trimRight,toLocaleLowerCase,toLocaleUpperCase,toLowerCase,toUpperCase,valueOf
console.log(Object.getOwnPropertyNames(String).join())
// expect: length,name,prototype,fromCharCode,fromCodePoint,raw
const lens = ['at', 'charAt', 'concat', 'endsWith', 'indexOf', 'padEnd', 'replace', 'slice', 'split', 'substr', 'trim', 'normalize', 'localeCompare', 'anchor', 'big']
console.log(lens.map((m) => m + ':' + String.prototype[m].length).join(' '))
// expect: at:1 charAt:1 concat:1 endsWith:1 indexOf:1 padEnd:1 replace:2 slice:2 split:2 substr:2 trim:0 normalize:0 localeCompare:1 anchor:1 big:0
const d = Object.getOwnPropertyDescriptor(String.prototype, 'trim')
console.log(d.writable, d.enumerable, d.configurable, String.prototype.trim.name, String.prototype.length)
// expect: true false true trim 0
