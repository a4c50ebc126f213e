// join, toString and toLocaleString, including cycles (V8 prints them as empty).
console.log([1, 2, 3].join(), [1, 2, 3].join(''), [1, 2, 3].join(' - '), [1].join('x'), [].join())
console.log([null, undefined, 1, , 'a', true, {}].join())
console.log([1, [2, [3, [4]]]].join(';'), String([1, [2, 3]]))
console.log([1, 2].join(undefined), [1, 2].join(null), [1, 2].join(0))
console.log([0.1 + 0.2, -0, 1e21, 1 / 3, NaN, -Infinity].join(' '))
const cyc = [1, 2]
cyc.push(cyc)
console.log(cyc.join('-'), String(cyc), cyc.toString())
const deep = [1, [2, [3]]]
deep[1][1].push(deep)
console.log(deep.join())
const o = { length: 3, 0: 'a', 2: 'c' }
console.log(Array.prototype.join.call(o, '+'), Array.prototype.join.call('abc', '.'))
console.log(Array.prototype.join.call({}), Array.prototype.join.call(5))
console.log(Array.prototype.toString.call({ join() { return 'custom' } }))
console.log(Array.prototype.toString.call({ join: 5 }), Array.prototype.toString.call(Object.create(null)))
console.log([1, 2] + '', `${[3, 4]}`, [] + [], [5] * 2)
const calls = []
const logged = { toString() { calls.push('toString'); return 'L' } }
console.log([logged, logged].join(), calls.length)
try { [{ toString() { throw new Error('boom') } }].join() } catch (e) { console.log(e.message) }
try { [Symbol('s')].join() } catch (e) { console.log(e.constructor.name, e.message) }
try { [1].join(Symbol('sep')) } catch (e) { console.log(e.constructor.name, e.message) }
// after a throw, the join stack is clean: the array can be joined again
const again = [1, { toString() { throw new Error('once') } }]
try { again.join() } catch (e) { console.log(e.message) }
again[1] = 2
console.log(again.join())
console.log([1, 'a', null].toLocaleString(), [].toLocaleString())
const loc = { toLocaleString() { return 'LOC' } }
console.log([loc, loc].toLocaleString())
console.log(Array(5).join('ab'), Array(3).join().length)
console.log(Array.prototype.join.length, Array.prototype.toString.length, Array.prototype.toLocaleString.length)

// expect: 1,2,3 123 1 - 2 - 3 1 
// expect: ,,1,,a,true,[object Object]
// expect: 1;2,3,4 1,2,3
// expect: 1,2 1null2 102
// expect: 0.30000000000000004 0 1e+21 0.3333333333333333 NaN -Infinity
// expect: 1-2- 1,2, 1,2,
// expect: 1,2,3,
// expect: a++c a.b.c
// expect:  
// expect: custom
// expect: [object Object] [object Object]
// expect: 1,2 3,4  10
// expect: L,L 2
// expect: boom
// expect: TypeError Cannot convert a Symbol value to a string
// expect: TypeError Cannot convert a Symbol value to a string
// expect: once
// expect: 1,2
// expect: 1,a, 
// expect: LOC,LOC
// expect: abababab 2
// expect: 1 0 0
