// RegExp.prototype[Symbol.split] (#sec-regexp.prototype-@@split) on both of its paths: the
// built-in exec (searched forward) and a subclass exec (the spec's sticky loop, whose reads
// of the result's length and captures can be observed); captures, limits, unicode steps.
console.log(JSON.stringify("a1b2c3".split(/(\d)/)));
// expect: ["a","1","b","2","c","3",""]
console.log(JSON.stringify("a1b2c3".split(/(\d)/, 2)));
// expect: ["a","1"]
console.log(JSON.stringify("a1b2c3".split(/(\d)/, 3)));
// expect: ["a","1","b"]
console.log(JSON.stringify("a1b2c3".split(/(x)?\d/)));
// expect: ["a",null,"b",null,"c",null,""]
console.log(JSON.stringify("abc".split(/(?:)/u)));
// expect: ["a","b","c"]
console.log(JSON.stringify("\ud83d\ude00x".split(/(?:)/u)));
// expect: ["😀","x"]
console.log(JSON.stringify("\ud83d\ude00x".split(/(?:)/)));
// expect: ["\ud83d","\ude00","x"]
// a subclass exec: the spec steps, observable
class R extends RegExp { exec(s) { return super.exec(s); } }
console.log(JSON.stringify("a1b2c3".split(new R("(\\d)"))));
// expect: ["a","1","b","2","c","3",""]
console.log(JSON.stringify("a1b2c3".split(new R("(\\d)"), 2)));
// expect: ["a","1"]
console.log(JSON.stringify("a1b2c3".split(new R("(\\d)"), 3)));
// expect: ["a","1","b"]
console.log(JSON.stringify("a1b2c3".split(new R("(x)?\\d"))));
// expect: ["a",null,"b",null,"c",null,""]
console.log(JSON.stringify("\ud83d\ude00x".split(new R("(?:)", "u"))));
// expect: ["😀","x"]
const log = [];
class L extends RegExp { exec(s) { const r = super.exec(s); if (!r) return r; const o = {};
  for (const k of ["length", "0", "1", "index"]) Object.defineProperty(o, k, { get() { log.push(k); return r[k]; } });
  return o; } }
console.log(JSON.stringify("a-b-c".split(new L("(-)"), 4)), log.join(","));
// expect: ["a","-","b","-"] length,1,length,1
log.length = 0;
console.log(JSON.stringify("a-b-c".split(new L("(-)"), 3)), log.join(","));
// expect: ["a","-","b"] length,1
log.length = 0;
console.log(JSON.stringify("a-b-c".split(new L("(-)"), 1)), log.join(",") || "(none)");
// expect: ["a"] (none)
class F extends RegExp { exec(s) { const r = super.exec(s); if (r) r.length = 5; return r; } }
console.log(JSON.stringify("a-b".split(new F("(-)"))));
// expect: ["a","-",null,null,null,"b"]
// a match that needs more backtracking memory than the engine allows, on both paths
const t = f => { try { return String(f()) } catch (e) { return e.constructor.name + ': ' + e.message } }
console.log(t(() => 'ab'.repeat(5e6).split(/(a|b)*c/).length), t(() => 'ab'.repeat(5e6).split(new R('(a|b)*c')).length))
// expect: RangeError: Maximum call stack size exceeded RangeError: Maximum call stack size exceeded
