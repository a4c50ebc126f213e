// Object literals: shorthand, computed keys, methods, accessors, spread, __proto__.
const x = 1, key = 'dyn'
const o = {
  x,
  [key + 'amic']: 2,
  method() { return 'm' },
  get g() { return 'got' },
  set s(v) { this._s = v },
  'quoted-key': 3,
  10: 'ten',
}
o.s = 5
console.log(o.x, o.dynamic, o.method(), o.g, o._s, o['quoted-key'], o[10])
console.log(Object.keys(o).join(','))
const p = { __proto__: { inherited: 'yes' }, own: 1 }
console.log(p.inherited, Object.keys(p), 'inherited' in p, p.hasOwnProperty('inherited'))
const merged = { ...{ a: 1, b: 2 }, b: 3, ...null }
console.log(merged)
console.log(o.method.name, Object.getOwnPropertyDescriptor(o, 'g').get.name)
const nested = { a: { b: { c: { d: 1 } } }, arr: [[1, [2, [3]]]] }
console.log(nested)
console.log({}, [], [undefined, null], [ , 1])

// expect: 1 2 m got 5 3 ten
// expect: 10,x,dynamic,method,g,s,quoted-key,_s
// expect: yes [ 'own' ] true false
// expect: { a: 1, b: 3 }
// expect: method get g
// expect: { a: { b: { c: [Object] } }, arr: [ [ 1, [Array] ] ] }
// expect: {} [] [ undefined, null ] [ <1 empty item>, 1 ]
