// for-of uses the iterator protocol and closes iterators on early exit.
const it = {
  [Symbol.iterator]() {
    let i = 0
    return {
      next() { i++; return { value: i, done: i > 3 } },
      return() { console.log('return called'); return {} },
    }
  },
}
for (const x of it) console.log(x)
for (const x of it) { if (x === 2) break; console.log('b', x) }
function firstOver(limit) { for (const x of it) if (x > limit) return x }
console.log(firstOver(1))
try { for (const x of it) throw new Error('in body ' + x) } catch (e) { console.log(e.message) }
for (const ch of 'a😀b') console.log(ch)
for (const [i, v] of ['p', 'q'].entries()) console.log(i, v)
const arr = [1, 2, 3]
for (const v of arr) { if (v === 2) continue; console.log('v', v) }
console.log([...it], [...'hi'])
try { for (const x of 5) ; } catch (e) { console.log(e.message) }

// expect: 1
// expect: 2
// expect: 3
// expect: b 1
// expect: return called
// expect: return called
// expect: 2
// expect: return called
// expect: in body 1
// expect: a
// expect: 😀
// expect: b
// expect: 0 p
// expect: 1 q
// expect: v 1
// expect: v 3
// expect: [ 1, 2, 3 ] [ 'h', 'i' ]
// expect: 5 is not iterable
