// error.stack shows the built-in functions that were running, between the JS frames, as
// V8 does: "at Array.map (<anonymous>)" (receiver type, then the function's name),
// "at new Promise (<anonymous>)", "at JSON.parse (<anonymous>)" when the built-in itself
// throws; Function.prototype.call/apply show no frame, nor does Error's own constructor.
function boom(x) { throw new Error('bad ' + x) }
const strip = (l) => { const i = l.indexOf('/'); return i < 0 ? l : l.slice(0, i) + l.slice(l.lastIndexOf('/') + 1) }
const show = (f, n = 3) => {
  try { f() } catch (e) { console.log(e.stack.split('\n').slice(0, n).map(strip).join(' | ')) }
}
show(() => [1, 2].map(boom))
show(() => [1].forEach(function inner(v) { boom(v) }), 4)
show(() => new Map([[1, 2]]).forEach(() => boom(3)), 4)
show(() => new Set([1]).forEach(boom))
show(() => [3, 1, 2].sort((a, b) => boom(a)), 4)
show(() => Array.from([1], boom))
show(() => [1].reduce((a, b) => boom(b), 0), 4)
show(() => [[1]].flatMap(boom))
show(() => [1].find(boom))
show(() => [].map.call({ length: 1, 0: 1 }, boom))
show(() => Array.prototype.forEach.call('ab', boom))
class A extends Array {}
show(() => A.from([1]).map(boom))
show(() => JSON.parse('{'), 2)
show(() => Map.prototype.get.call(1), 2)
show(() => Object.keys(null), 2)
show(() => boom.call(null, 'c'))
show(() => boom.apply(null, ['d']))
show(() => { const e = {}; Error.captureStackTrace(e); throw e }, 2)
show(() => { throw new TypeError('t') }, 2)
class MyError extends Error { constructor(m) { super(m); this.name = 'MyError' } }
show(() => { throw new MyError('mine') }, 2)
show(() => { const e = { name: 'Custom', message: 'm', toString() { return 'ignored' } }; Error.captureStackTrace(e); throw e }, 2)
new Promise(() => boom('p')).catch((e) => console.log(e.stack.split('\n').slice(0, 4).map(strip).join(' | ')))
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at Array.map (<anonymous>)
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at inner (native_frames.js:11:44) |     at Array.forEach (<anonymous>)
// expect: Error: bad 3 |     at boom (native_frames.js:5:26) |     at native_frames.js:12:44 |     at Map.forEach (<anonymous>)
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at Set.forEach (<anonymous>)
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at native_frames.js:14:37 |     at Array.sort (<anonymous>)
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at Function.from (<anonymous>)
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at native_frames.js:16:33 |     at Array.reduce (<anonymous>)
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at Array.flatMap (<anonymous>)
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at Array.find (<anonymous>)
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at Object.map (<anonymous>)
// expect: Error: bad a |     at boom (native_frames.js:5:26) |     at String.forEach (<anonymous>)
// expect: Error: bad 1 |     at boom (native_frames.js:5:26) |     at A.map (<anonymous>)
// expect: SyntaxError: Expected property name or '}' in JSON at position 1 |     at JSON.parse (<anonymous>)
// expect: TypeError: Method Map.prototype.get called on incompatible receiver 1 |     at Number.get (<anonymous>)
// expect: TypeError: Cannot convert undefined or null to object |     at Function.keys (<anonymous>)
// expect: Error: bad c |     at boom (native_frames.js:5:26) |     at native_frames.js:26:17
// expect: Error: bad d |     at boom (native_frames.js:5:26) |     at native_frames.js:27:17
// expect: Error |     at native_frames.js:28:34
// expect: TypeError: t |     at native_frames.js:29:20
// expect: MyError: mine |     at native_frames.js:31:20
// expect: Custom: m |     at native_frames.js:32:97
// expect: Error: bad p |     at boom (native_frames.js:5:26) |     at native_frames.js:33:19 |     at new Promise (<anonymous>)
