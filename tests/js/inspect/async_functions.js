// [AsyncFunction: f], [AsyncGeneratorFunction: h] and async generator objects.
async function f() {}
async function* h() {}
console.log(f, h, async () => {}, [h()])
// expect: [AsyncFunction: f] [AsyncGeneratorFunction: h] [AsyncFunction (anonymous)] [ Object [AsyncGenerator] {} ]
console.log({ async method() {}, async *agen() {} })
// expect: {
// expect:   method: [AsyncFunction: method],
// expect:   agen: [AsyncGeneratorFunction: agen]
// expect: }
