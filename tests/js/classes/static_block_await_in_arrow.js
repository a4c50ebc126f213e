// In a class static block `await` may not be an identifier, but the rule stops at
// function boundaries, arrows included (ECMA-262 §15.7.1, ContainsAwait; V8 agrees).
class C {
    static {
        (() => ({ await }));
        (() => { function await() {} });
        this.f = (x) => { const await = x; return await + 1 };
    }
}
console.log(C.f(1))
// expect: 2
