// [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) replaces the default
// formatting, as node's console.log honours it.
const custom = Symbol.for('nodejs.util.inspect.custom')
class Money { constructor(v) { this.v = v } [custom](depth, opts, inspect) { return `Money<${this.v}>` } }
console.log(new Money(5), [new Money(6)], { m: new Money(7) })
// expect: Money<5> [ Money<6> ] { m: Money<7> }
class Multi { [custom]() { return 'line1\nline2' } }
console.log({ a: { b: new Multi() } })
// expect: {
// expect:   a: {
// expect:     b: line1
// expect:     line2
// expect:   }
// expect: }
class Obj { [custom](depth, opts) { return { replaced: true, depth, keys: Object.keys(opts).join(',') } } }
console.log(new Obj(), [[new Obj()]])
// expect: {
// expect:   replaced: true,
// expect:   depth: 2,
// expect:   keys: 'stylize,showHidden,depth,colors,customInspect,showProxy,maxArrayLength,maxStringLength,breakLength,compact,sorted,getters,numericSeparator'
// expect: } [
// expect:   [
// expect:     {
// expect:       replaced: true,
// expect:       depth: 0,
// expect:       keys: 'stylize,showHidden,depth,colors,customInspect,showProxy,maxArrayLength,maxStringLength,breakLength,compact,sorted,getters,numericSeparator'
// expect:     }
// expect:   ]
// expect: ]
class Deep { [custom](depth, opts, inspect) { return 'Deep(' + inspect({ x: { y: { z: { w: 1 } } } }, opts) + ')' } }
console.log(new Deep())
// expect: Deep({ x: { y: { z: [Object] } } })
class Self { [custom]() { return this } }
console.log(new Self())
// expect: Self {}
console.log(Money.prototype)
// expect: {}
const plain = { [custom]: () => 'plain!' }
console.log(plain, '%o', plain)
// expect: plain! %o plain!
console.log('%s', new Money(1))
// expect: Money<1>
console.log(Object.assign(Object.create(null), { [custom]() { return 'nullproto' } }))
// expect: nullproto
class Opts { [custom](d, o) { return JSON.stringify({ d, depth: o.depth, c: o.compact, b: o.breakLength, st: typeof o.stylize, s: o.stylize('x', 'special') }) } }
console.log(new Opts(), [new Opts()])
// expect: {"d":2,"depth":2,"c":3,"b":80,"st":"function","s":"x"} [ {"d":1,"depth":2,"c":3,"b":80,"st":"function","s":"x"} ]
