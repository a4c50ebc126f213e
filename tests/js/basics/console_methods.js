// console methods beyond log: group/groupCollapsed/groupEnd indentation (every line,
// every stream), assert, count/countReset, dir (customInspect off, options), dirxml,
// table (also indented inside a group).
console.group('Group A', 1);
console.log('inside\nmultiline');
console.group();
console.warn({ a: 1, b: [1, 2] });
console.groupCollapsed('collapsed');
console.info('deep');
console.groupEnd();
console.groupEnd();
console.log('back one');
console.groupEnd();
console.groupEnd();
console.log('top');
console.assert(true, 'never');
console.assert(false, 'failed %s', 'here', 42);
console.assert(false);
console.assert(0, { x: 1 });
console.count(); console.count(); console.count('x'); console.countReset(); console.count();
console.count(undefined);
console.dir({ a: { b: { c: { d: 1 } } }, s: 'str' });
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
console.dir('just a string');
console.dirxml([1, 2], 'x');
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table([[1, 2], [3, 4]], ['0']);
console.group('g'); console.table({ r: { c: 1 } }); console.groupEnd();
console.log(typeof console.time, typeof console.timeEnd, typeof console.timeLog);

// expect: Group A 1
// expect:   inside
// expect:   multiline
// expect:     { a: 1, b: [ 1, 2 ] }
// expect:     collapsed
// expect:       deep
// expect:   back one
// expect: top
// expect: Assertion failed: failed here 42
// expect: Assertion failed
// expect: Assertion failed: [object Object]
// expect: default: 1
// expect: default: 2
// expect: x: 1
// expect: default: 1
// expect: default: 2
// expect: { a: { b: { c: [Object] } }, s: 'str' }
// expect: { a: [Object] }
// expect: 'just a string'
// expect: [ 1, 2 ] x
// expect: ┌─────────┬───┬─────┬──────┐
// expect: │ (index) │ a │ b   │ c    │
// expect: ├─────────┼───┼─────┼──────┤
// expect: │ 0       │ 1 │ 'x' │      │
// expect: │ 1       │ 2 │     │ true │
// expect: └─────────┴───┴─────┴──────┘
// expect: ┌─────────┬───┐
// expect: │ (index) │ 0 │
// expect: ├─────────┼───┤
// expect: │ 0       │ 1 │
// expect: │ 1       │ 3 │
// expect: └─────────┴───┘
// expect: g
// expect:   ┌─────────┬───┐
// expect:   │ (index) │ c │
// expect:   ├─────────┼───┤
// expect:   │ r       │ 1 │
// expect:   └─────────┴───┘
// expect: function function function
