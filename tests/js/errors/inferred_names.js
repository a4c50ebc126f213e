// V8 names an anonymous function assigned to a member (o.f = function () {}) in stack
// frames by its inferred name "o.f" (FuncNameInferrer; "prototype" left out), although
// its .name stays ''; the receiver's type is then not prepended.
const frame = (f) => {
    try { f() } catch (e) {
        const l = e.stack.split('\n')[1].trim();
        return l.slice(0, l.indexOf(' ('));
    }
};
function F() {}
const o = {};
o.f = function () { throw new Error('x') };
F.s = function () { throw new Error('y') };
F.prototype.m = function () { throw new Error('z') };
o.a = {};
o.a.b = function () { throw new Error('w') };
o['k'] = function () { throw new Error('k') };
o.arr = () => { throw new Error('arrow') };
const exp = {};
exp.run = function () { throw new Error('r') };
console.log(frame(() => o.f()), '|', frame(() => F.s()), '|', frame(() => new F().m()));
// expect: at o.f | at F.s | at F.m
console.log(frame(() => o.a.b()), '|', frame(() => o.k()), '|', frame(() => o.arr()), '|', frame(() => exp.run()));
// expect: at o.a.b | at o.k | at o.arr | at exp.run
const p = { g: o.f };
console.log(frame(() => p.g()), '|', frame(() => o.f.call(new Map())), '|', frame(() => { const h = o.f; h() }));
// expect: at o.f [as g] | at o.f | at o.f
console.log(frame(() => new o.f()), '|', frame(() => { o.n = function named() { throw new Error('n') }; o.n() }));
// expect: at new o.f | at Object.named [as n]
console.log(frame(function () { this.t = function () { throw new Error('t') }; this.t() }.bind({})));
// expect: at Object.t
console.log(JSON.stringify([o.f.name, F.s.name, F.prototype.m.name, o.a.b.name, o.k.name, o.arr.name]));
// expect: ["","","","","",""]
