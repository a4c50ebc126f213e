// Methods called on the wrong receiver, and forEach with a non-callable callback.
const t = (f) => { try { return f() } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(t(() => Map.prototype.get.call({}, 1)))
// expect: TypeError: Method Map.prototype.get called on incompatible receiver #<Object>
console.log(t(() => Map.prototype.set.call(1, 1)))
// expect: TypeError: Method Map.prototype.set called on incompatible receiver 1
console.log(t(() => Map.prototype.has.call('abc', 1)))
// expect: TypeError: Method Map.prototype.has called on incompatible receiver abc
console.log(t(() => Map.prototype.delete.call(undefined, 1)))
// expect: TypeError: Method Map.prototype.delete called on incompatible receiver undefined
console.log(t(() => Map.prototype.clear.call(null)))
// expect: TypeError: Method Map.prototype.clear called on incompatible receiver null
console.log(t(() => Map.prototype.entries.call({})))
// expect: TypeError: Method Map.prototype.entries called on incompatible receiver #<Object>
console.log(t(() => Map.prototype.keys.call(true)))
// expect: TypeError: Method Map.prototype.keys called on incompatible receiver true
console.log(t(() => Set.prototype.add.call({}, 1)))
// expect: TypeError: Method Set.prototype.add called on incompatible receiver #<Object>
console.log(t(() => Set.prototype.values.call([])))
// expect: TypeError: Method Set.prototype.values called on incompatible receiver [object Array]
console.log(t(() => Set.prototype.forEach.call(1, () => 0)))
// expect: TypeError: Method Set.prototype.forEach called on incompatible receiver 1
console.log(t(() => Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call({})))
// expect: TypeError: Method get Map.prototype.size called on incompatible receiver #<Object>
console.log(t(() => Object.getOwnPropertyDescriptor(Set.prototype, 'size').get.call(5)))
// expect: TypeError: Method get Set.prototype.size called on incompatible receiver 5
console.log(t(() => WeakMap.prototype.get.call({}, {})))
// expect: TypeError: Method WeakMap.prototype.get called on incompatible receiver #<Object>
console.log(t(() => WeakMap.prototype.set.call({}, {}, 1)))
// expect: TypeError: Method WeakMap.prototype.set called on incompatible receiver #<Object>
console.log(t(() => WeakSet.prototype.add.call({}, {})))
// expect: TypeError: Method WeakSet.prototype.add called on incompatible receiver #<Object>
console.log(t(() => WeakSet.prototype.has.call({}, {})))
// expect: TypeError: Method WeakSet.prototype.has called on incompatible receiver #<Object>
console.log(t(() => WeakSet.prototype.delete.call(1, {})))
// expect: TypeError: Method WeakSet.prototype.delete called on incompatible receiver 1
console.log(t(() => new Map().keys().next.call({})))
// expect: TypeError: Method Map Iterator.prototype.next called on incompatible receiver #<Object>
console.log(t(() => new Set().values().next.call({})))
// expect: TypeError: Method Set Iterator.prototype.next called on incompatible receiver #<Object>
console.log(t(() => new Map().keys().next.call(new Set().values())))
// expect: TypeError: Method Map Iterator.prototype.next called on incompatible receiver #<Object>
for (const cb of [3, 'abc', undefined, null, true, {}, [], Symbol('q'), 1.5]) console.log(t(() => new Map().forEach(cb)))
// expect: TypeError: number 3 is not a function
// expect: TypeError: string "abc" is not a function
// expect: TypeError: undefined is not a function
// expect: TypeError: object null is not a function
// expect: TypeError: boolean true is not a function
// expect: TypeError: object is not a function
// expect: TypeError: object is not a function
// expect: TypeError: symbol is not a function
// expect: TypeError: number 1.5 is not a function
console.log(t(() => new Set().forEach({}))) // expect: TypeError: object is not a function
console.log(t(() => new Map([[1, 1]]).forEach(() => { throw new Error('from callback') })))
// expect: Error: from callback
