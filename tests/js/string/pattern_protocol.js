// match, matchAll and search without RegExp: objects with the well-known methods are
// called as the spec says, and plain patterns without regular-expression syntax work.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
const j = JSON.stringify
console.log('abc'.search('b'), 'abc'.search('z'), 'abc'.search(), 'abc'.search(undefined), 'a1'.search(1))
// expect: 1 -1 0 0 1
const m = 'hello world'.match('o w')
console.log(j(m), m.index, m.input, m.groups, m.length, Array.isArray(m))
// expect: ["o w"] 4 hello world undefined 1 true
console.log('abc'.match('x'), j('abc'.match()), 'null'.match(null)[0]) // expect: null [""] null
const matcher = { [Symbol.match](s) { return ['matched:' + s] }, [Symbol.search](s) { return s.length } }
console.log('abc'.match(matcher)[0], 'abcd'.search(matcher)) // expect: matched:abc 4
const all = { [Symbol.matchAll](s) { return 'all:' + s } }
console.log('xy'.matchAll(all)) // expect: all:xy
console.log(t(() => 'abc'.matchAll({ [Symbol.match]: true, flags: 'i' })))
// expect: TypeError: String.prototype.matchAll called with a non-global RegExp argument
console.log(t(() => 'abc'.matchAll({ [Symbol.match]: true, flags: null })))
// expect: TypeError: The .flags property of the argument to String.prototype.matchAll cannot be null or undefined
console.log('abc'.matchAll({ [Symbol.match]: true, flags: 'gi', [Symbol.matchAll]: () => 'ok' }))
// expect: ok
console.log(t(() => 'abc'.match({ [Symbol.match]: 'nope' })))
// expect: TypeError: 'nope' returned for property 'Symbol(Symbol.match)' of object '#<Object>' is not a function
console.log(t(() => String.prototype.match.call(null, 'a')))
// expect: TypeError: String.prototype.match called on null or undefined
console.log(t(() => String.prototype.search.call(undefined, 'a')))
// expect: TypeError: String.prototype.search called on null or undefined
console.log(t(() => String.prototype.matchAll.call(null, 'a')))
// expect: TypeError: String.prototype.matchAll called on null or undefined
console.log(t(() => 'a'.replace({ [Symbol.replace]: 'x' }, 'x')))
// expect: TypeError: string "x" is not a function
console.log(t(() => 'a'.split({ [Symbol.split]: {} })))
// expect: TypeError: object is not a function
console.log(t(() => 'a'.search({ [Symbol.search]: 5 })))
// expect: TypeError: '5' returned for property 'Symbol(Symbol.search)' of object '#<Object>' is not a function
console.log(t(() => 'a'.matchAll({ [Symbol.matchAll]: 5 })))
// expect: TypeError: number 5 is not a function
console.log(t(() => 'a'.replaceAll({ [Symbol.replace]: 'x' }, 'x')))
// expect: TypeError: 'x' returned for property 'Symbol(Symbol.replace)' of object '#<Object>' is not a function
