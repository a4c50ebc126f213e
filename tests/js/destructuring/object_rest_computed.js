// Object rest excludes computed keys too (CopyDataProperties' excludedNames hold the
// evaluated property keys, ecma262 #sec-runtime-semantics-restdestructuringassignmentevaluation).
var a = 'foo', b, rest;
({ [a]: b, ...rest } = { foo: 1, bar: 2, baz: 3 });
console.log(b, rest);
const { [1]: one, [a + '']: f2, x, ...r2 } = { 1: 'i', foo: 'f', x: 'x', y: 'y', 2: 'two' };
console.log(one, f2, x, r2);
for (const { ['a' + 'b']: ab, ...others } of [{ ab: 1, c: 2 }]) console.log(ab, others);
function p({ [Symbol.iterator]: it, ...o }) { return [typeof it, o]; }
console.log(p({ [Symbol.iterator]: 1, k: 2 }));
// expect: 1 { bar: 2, baz: 3 }
// expect: i f x { '2': 'two', y: 'y' }
// expect: 1 { c: 2 }
// expect: [ 'number', { k: 2 } ]
