// localeCompare: the root collation's letter, accent and case levels for ASCII and
// Latin-1 (the reach tickscope documents), and the usual sort-by-name idiom.
const words = ['banana', 'Apple', 'apple', 'cherry', 'Banana', 'äpfel', 'apfel', 'zebra', 'Zebra', 'éclair', 'eclair', 'Eclair']
console.log(words.slice().sort((a, b) => a.localeCompare(b)).join(' '))
// expect: apfel äpfel apple Apple banana Banana cherry eclair Eclair éclair zebra Zebra
const chars = ['b', 'a', 'B', 'A', '_', '-', '1', 'ä', 'é', 'e', 'z', 'Z', ' ', '!', '~', 'aa', 'aA', 'Aa', '10', '9', '.', ',', '@', '#', '$']
console.log(chars.sort((a, b) => a.localeCompare(b)).join(''))
// expect:  _-,!.@#~$1109aAäaaaAAabBeézZ
console.log('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'a'.localeCompare('A'))
// expect: -1 1 0 -1
console.log('A'.localeCompare('a'), 'a'.localeCompare('á'), 'résumé'.localeCompare('resume'), 'resume'.localeCompare('Resume'))
// expect: 1 -1 1 -1
console.log(''.localeCompare(''), ''.localeCompare('a'), 'a'.localeCompare(''), 'a\u0001'.localeCompare('a'))
// expect: 0 -1 1 0
console.log('item10'.localeCompare('item9'), 'Item 1'.localeCompare('item 1'), 'x'.localeCompare())
// expect: -1 1 1
const names = ['Émile', 'Zoë', 'zoe', 'Ana', 'ana', 'Øyvind', 'Olaf', 'Ñandú', 'Nadia', 'çava', 'Cava']
console.log(names.sort((a, b) => a.localeCompare(b)).join(', '))
// expect: ana, Ana, Cava, çava, Émile, Nadia, Ñandú, Olaf, Øyvind, zoe, Zoë
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(t(() => String.prototype.localeCompare.call(null, 'a')))
// expect: TypeError: String.prototype.localeCompare called on null or undefined
console.log(t(() => 'a'.localeCompare(Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a string
