// parseInt and parseFloat.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(parseInt('42'), parseInt('  -42px'), parseInt('0x1F'), parseInt('1F', 16), parseInt('z', 36), parseInt('101', 2))
// expect: 42 -42 31 31 35 5
console.log(parseInt(''), parseInt('abc'), parseInt('12', 1), parseInt('12', 37), parseInt('12', 0), parseInt('0x', 16))
// expect: NaN NaN NaN NaN 12 NaN
console.log(parseInt('08'), parseInt('1e3'), parseInt(0.0000005), parseInt(1e21), parseInt(null, 36), parseInt('-0'))
// expect: 8 1 5 1 1112745 -0
console.log(parseInt('123', '8'), parseInt('ff', { valueOf() { return 16 } }), parseInt('9007199254740993'), parseInt('\u00a012'))
// expect: 83 255 9007199254740992 12
console.log(parseFloat('3.14abc'), parseFloat('  .5'), parseFloat('-.5e-3x'), parseFloat('Infinityx'), parseFloat('-Infinity'))
// expect: 3.14 0.5 -0.0005 Infinity -Infinity
console.log(parseFloat(''), parseFloat('e5'), parseFloat('0x10'), parseFloat('1e'), parseFloat('1.e2'), parseFloat([' 7 ']))
// expect: NaN NaN 0 1 100 7
console.log(parseFloat('-0'), Object.is(parseFloat('-0'), -0), parseFloat('1e400'), parseFloat('.'), parseFloat('+.1'))
// expect: -0 true Infinity NaN 0.1
console.log(t(() => parseInt(Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a string
console.log(t(() => parseFloat(Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a string
console.log(t(() => parseInt('1', Symbol())))
// expect: TypeError: Cannot convert a Symbol value to a number
