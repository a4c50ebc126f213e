// keys, values, entries and [Symbol.iterator]; the prototype's shape.
const j = (x) => JSON.stringify(x)
const a = ['a', , 'c']
console.log(j([...a.keys()]), j([...a.values()]), j([...a.entries()]))
console.log(Array.prototype.values === Array.prototype[Symbol.iterator])
const it = a.values()
console.log(j(it.next()), j(it.next()), j(it.next()), j(it.next()), j(it.next()))
console.log(Object.prototype.toString.call(it), typeof it[Symbol.iterator], it[Symbol.iterator]() === it)
// the iterator sees elements added later, and stops for good once done
const grow = [1]
const gi = grow.values()
console.log(gi.next().value)
grow.push(2)
console.log(gi.next().value, gi.next().done)
grow.push(3)
console.log(gi.next().done)
// array-likes
console.log(j([...Array.prototype.entries.call({ length: 2, 0: 'x', 1: 'y' })]))
const out = []
for (const [i, v] of ['p', 'q'].entries()) out.push(i + '=' + v)
console.log(out.join('&'))
// unscopables
const u = Array.prototype[Symbol.unscopables]
console.log(Object.getPrototypeOf(u), Object.keys(u).join())
console.log(j(Object.getOwnPropertyDescriptor(Array.prototype, Symbol.unscopables)))
// the prototype, in V8's order, and the lengths
console.log(Object.getOwnPropertyNames(Array.prototype).join())
console.log(Object.getOwnPropertyNames(Array.prototype).map((n) => n === 'constructor' || n === 'length' ? n : Array.prototype[n].length).join())
console.log(Array.isArray(Array.prototype), Array.prototype.length, Array.prototype.constructor === Array)
console.log(j(Object.getOwnPropertyDescriptor(Array.prototype, 'map')))
console.log(Array.prototype.map.name, Array.prototype[Symbol.iterator].name, Object.getOwnPropertyDescriptor(Array, Symbol.species).get.name)

// expect: [0,1,2] ["a",null,"c"] [[0,"a"],[1,null],[2,"c"]]
// expect: true
// expect: {"value":"a","done":false} {"done":false} {"value":"c","done":false} {"done":true} {"done":true}
// expect: [object Array Iterator] function true
// expect: 1
// expect: 2 true
// expect: true
// expect: [[0,"x"],[1,"y"]]
// expect: 0=p&1=q
// expect: null at,copyWithin,entries,fill,find,findIndex,findLast,findLastIndex,flat,flatMap,includes,keys,values,toReversed,toSorted,toSpliced
// expect: {"value":{"at":true,"copyWithin":true,"entries":true,"fill":true,"find":true,"findIndex":true,"findLast":true,"findLastIndex":true,"flat":true,"flatMap":true,"includes":true,"keys":true,"values":true,"toReversed":true,"toSorted":true,"toSpliced":true},"writable":false,"enumerable":false,"configurable":true}
// expect: length,constructor,at,concat,copyWithin,fill,find,findIndex,findLast,findLastIndex,lastIndexOf,pop,push,reverse,shift,unshift,slice,sort,splice,includes,indexOf,join,keys,entries,values,forEach,filter,flat,flatMap,map,every,some,reduce,reduceRight,toLocaleString,toString,toReversed,toSorted,toSpliced,with
// expect: length,constructor,1,1,2,1,1,1,1,1,1,0,1,0,0,1,2,1,2,1,1,1,0,0,0,1,1,0,1,1,1,1,1,1,0,0,0,1,2,2
// expect: true 0 true
// expect: {"writable":true,"enumerable":false,"configurable":true}
// expect: map values get [Symbol.species]
