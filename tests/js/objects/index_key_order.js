// OrdinaryOwnPropertyKeys (#sec-ordinaryownpropertykeys): array indices (up to 2^32-2)
// ascending, then the other strings in insertion order; 2^32-1 and above are strings.
console.log(Object.keys({ 4294967295: 1, 1: 1, a: 1 }).join());
// expect: 1,4294967295,a
console.log(Object.keys({ a: 1, 4294967294: 1, 4294967295: 1, 2147483647: 1, 2147483648: 1, 0: 1 }).join());
// expect: 0,2147483647,2147483648,4294967294,a,4294967295
const o = {};
o.b = 1; o[4294967296] = 2; o[3] = 3; o[4294967294] = 4; o['02'] = 5;
console.log(Reflect.ownKeys(o).join(), JSON.stringify(o));
// expect: 3,4294967294,b,4294967296,02 {"3":3,"4294967294":4,"b":1,"4294967296":2,"02":5}
const seen = [];
for (const k in { x: 1, 4294967295: 1, 3000000000: 1, 7: 1 }) seen.push(k);
console.log(seen.join());
// expect: 7,3000000000,x,4294967295
const arr = ['a'];
arr.s = 1; arr[4294967294] = 'big'; arr[4294967295] = 'str';
console.log(Object.keys(arr).join());
// expect: 0,4294967294,s,4294967295
console.log(Object.entries({ z: 1, 2222222222: 2 }).join(';'));
// expect: 2222222222,2;z,1
