// WeakRef and FinalizationRegistry (ecma262 #sec-managing-memory): everything a program
// can see without depending on when a collector runs. A live target derefs to itself
// (in the same job and in later ones: it is still referenced); the constructors' and
// methods' errors, lengths and tags; node's inspect output.
const target = { name: 'target' }
const r = new WeakRef(target)
console.log(r.deref() === target, r.deref().name)
// expect: true target
console.log(r, [r], { r })
// expect: WeakRef {} [ WeakRef {} ] { r: WeakRef {} }
console.log(String(r), Object.prototype.toString.call(r))
// expect: [object WeakRef] [object WeakRef]
console.log(WeakRef.length, WeakRef.name, WeakRef.prototype.deref.length, Object.getOwnPropertyNames(WeakRef.prototype))
// expect: 1 WeakRef 0 [ 'constructor', 'deref' ]
const sym = Symbol('weak')
console.log(new WeakRef(sym).deref() === sym)
// expect: true
class Sub extends WeakRef {}
const s = new Sub(target)
console.log(s, s instanceof WeakRef, s.deref() === target)
// expect: Sub [WeakRef] {} true true
for (const bad of [1, 'x', undefined, null, Symbol.for('registered')]) {
  try { new WeakRef(bad) } catch (e) { console.log(e.constructor.name, e.message) }
}
// expect: TypeError WeakRef: invalid target
// expect: TypeError WeakRef: invalid target
// expect: TypeError WeakRef: invalid target
// expect: TypeError WeakRef: invalid target
// expect: TypeError WeakRef: invalid target
try { WeakRef(target) } catch (e) { console.log(e.message) }
// expect: Constructor WeakRef requires 'new'
try { WeakRef.prototype.deref.call(new WeakMap()) } catch (e) { console.log(e.message) }
// expect: Method WeakRef.prototype.deref called on incompatible receiver #<WeakMap>

const fr = new FinalizationRegistry((held) => console.log('cleanup', held))
console.log(fr, Object.prototype.toString.call(fr))
// expect: FinalizationRegistry {} [object FinalizationRegistry]
console.log(FinalizationRegistry.length, fr.register.length, fr.unregister.length)
// expect: 1 2 1
const token = {}
console.log(fr.register(target, 'held', token), fr.register(target, 'again', token))
// expect: undefined undefined
console.log(fr.unregister(token), fr.unregister(token), fr.unregister({}))
// expect: true false false
console.log(fr.register(target, 'no token'), fr.register(target, 1, Symbol('t')))
// expect: undefined undefined
try { new FinalizationRegistry(1) } catch (e) { console.log(e.message) }
// expect: FinalizationRegistry: cleanup must be callable
try { FinalizationRegistry(() => {}) } catch (e) { console.log(e.message) }
// expect: Constructor FinalizationRegistry requires 'new'
try { fr.register(1, 'x') } catch (e) { console.log(e.message) }
// expect: FinalizationRegistry.prototype.register: invalid target
try { fr.register(target, target) } catch (e) { console.log(e.message) }
// expect: FinalizationRegistry.prototype.register: target and holdings must not be same
for (const bad of ['x', null, 1.5, Symbol.for('a')]) {
  try { fr.register(target, 0, bad) } catch (e) { console.log(e.message) }
}
// expect: Invalid unregisterToken ('x')
// expect: Invalid unregisterToken ('null')
// expect: Invalid unregisterToken ('1.5')
// expect: Invalid unregisterToken ('Symbol(a)')
try { fr.unregister(undefined) } catch (e) { console.log(e.message) }
// expect: Invalid unregisterToken ('undefined')
try { FinalizationRegistry.prototype.unregister.call(1, token) } catch (e) { console.log(e.message) }
// expect: Method FinalizationRegistry.prototype.unregister called on incompatible receiver 1

// a target that is still referenced survives the jobs that follow
Promise.resolve().then(() => console.log('microtask', r.deref() === target))
setTimeout(() => console.log('timer', r.deref().name, s.deref() === target), 1)
// expect: microtask true
// expect: timer target true
