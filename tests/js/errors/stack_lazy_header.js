// error.stack is formatted when first read (V8): a name set in a subclass constructor
// or after construction shows in the header; a stack read or written earlier stays; the
// frames of the constructor chain are left out.
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr' } }
class Sub extends MyErr { constructor() { super('sub') } }
const strip = l => { const i = l.indexOf('('), j = l.lastIndexOf('/'); return i >= 0 && j > i ? l.slice(0, i + 1) + l.slice(j + 1) : l }
const first = s => s.split('\n').slice(0, 2).map(strip).join(' | ')
console.log(first(new MyErr('hi').stack))
console.log(first(new Sub().stack))
const e = new Error('late'); e.name = 'Renamed'; console.log(first(e.stack))
const r = new Error('read'); const s1 = r.stack; r.name = 'After'; console.log(first(r.stack), s1 === r.stack)
const w = new TypeError('w'); w.stack = 'custom'; w.name = 'X'; console.log(w.stack)
const m = new RangeError('m'); m.message = 'changed'; console.log(first(m.stack))
function make() { return new Error('in make') }
console.log(first(make().stack))

// expect: MyErr: hi |     at Object.<anonymous> (stack_lazy_header.js:8:19)
// expect: MyErr: sub |     at Object.<anonymous> (stack_lazy_header.js:9:19)
// expect: Renamed: late |     at Object.<anonymous> (stack_lazy_header.js:10:11)
// expect: Error: read |     at Object.<anonymous> (stack_lazy_header.js:11:11) true
// expect: custom
// expect: RangeError: changed |     at Object.<anonymous> (stack_lazy_header.js:13:11)
// expect: Error: in make |     at make (stack_lazy_header.js:14:26)
