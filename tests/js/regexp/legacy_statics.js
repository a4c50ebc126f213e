// The legacy static properties of RegExp (Annex B-style, the legacy RegExp features
// proposal): $1-$9, input ($_), lastMatch ($&), lastParen ($+), leftContext ($`) and
// rightContext ($') follow the last successful match of any RegExp method (a failed match
// leaves them); they are configurable accessors, and only input has a working setter.
const show = () => JSON.stringify([RegExp.$1, RegExp.$2, RegExp.$9, RegExp.input, RegExp.lastMatch, RegExp.lastParen, RegExp.leftContext, RegExp.rightContext, RegExp['$_'], RegExp['$&'], RegExp['$+'], RegExp['$`'], RegExp["$'"]]);
console.log(show());
// expect: ["","","","","","","","","","","","",""]
/(\w)(\d)?x/.exec('ab1x!');
console.log(show());
// expect: ["b","1","","ab1x!","b1x","1","a","!","ab1x!","b1x","1","a","!"]
/zzz/.exec('nope');
console.log(show());
// expect: ["b","1","","ab1x!","b1x","1","a","!","ab1x!","b1x","1","a","!"]
'q1w2'.replace(/(\d)/g, '-');
console.log(show());
// expect: ["2","","","q1w2","2","2","q1w","","q1w2","2","2","q1w",""]
'a1b'.split(/(\d)/);
console.log(show());
// expect: ["1","","","a1b","1","1","a","b","a1b","1","1","a","b"]
'hello world'.match(/(o)/g);
console.log(show());
// expect: ["o","","","hello world","o","o","hello w","rld","hello world","o","o","hello w","rld"]
/(a)|(b)/.test('b');
console.log(show());
// expect: ["","b","","b","b","b","","","b","b","b","",""]
class R extends RegExp {}
new R('(k)').exec('xky');
RegExp.input = 'set'; RegExp.$1 = 'no'; RegExp.lastMatch = 'no';
console.log(show());
// expect: ["k","","","set","k","k","x","y","set","k","k","x","y"]
'xyz'.search(/(y)/); [...'a1b2'.matchAll(/(\d)/g)];
console.log(show());
// expect: ["2","","","a1b2","2","2","a1b","","a1b2","2","2","a1b",""]
const d = Object.getOwnPropertyDescriptor(RegExp, '$1');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name, d.get.call({}), Object.getOwnPropertyNames(RegExp).join())
// expect: function function false true get $1 set $1 2 length,name,prototype,input,$_,lastMatch,$&,lastParen,$+,leftContext,$`,rightContext,$',$1,$2,$3,$4,$5,$6,$7,$8,$9
