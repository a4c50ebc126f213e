// Pattern semantics (#sec-pattern-semantics): alternation order, greedy and lazy
// quantifiers, {n,m}, classes and escapes, \b \B, anchors with m, dot with s, captures
// reset per iteration, backreferences (numbered and named), lookahead and lookbehind,
// case-insensitive matching (Canonicalize), and Annex B's leniencies without u.
const esc = (s) => s.replace(/[^ -~]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
const ex = (re, s) => { const m = re.exec(s); return m ? esc(JSON.stringify([...m])) + '@' + m.index : 'null' }
console.log(ex(/a|ab/, 'abc'), ex(/((a)|(ab))((c)|(bc))/, 'abc'))
// expect: ["a"]@0 ["abc","a","a",null,"bc",null,"bc"]@0
console.log(ex(/a[a-z]{2,4}/, 'abcdefghi'), ex(/a[a-z]{2,4}?/, 'abcdefghi'), ex(/x{2,}/, 'xxxxy'), ex(/x{3}/, 'xxy'))
// expect: ["abcde"]@0 ["abc"]@0 ["xxxx"]@0 null
console.log(ex(/(aa|aabaac|ba|b|c)*/, 'aabaac'), ex(/<.*>/, '<a><b>'), ex(/<.*?>/, '<a><b>'), ex(/a+?/, 'aaa'))
// expect: ["aaba","ba"]@0 ["<a><b>"]@0 ["<a>"]@0 ["a"]@0
console.log(ex(/(z)((a+)?(b+)?(c))*/, 'zaacbbbcac'), ex(/(a*)*/, 'b'), ex(/(a*)b\1+/, 'baaaac'))
// expect: ["zaacbbbcac","z","ac","a",null,"c"]@0 ["",null]@0 ["b",""]@0
console.log(ex(/(?:a|b)*?c/, 'abbac'), ex(/(a?)??b/, 'ab'), ex(/(?:)*x/, 'x'), ex(/(?:a*?)*?b/, 'aab'))
// expect: ["abbac"]@0 ["ab","a"]@0 ["x"]@0 ["aab"]@0
console.log(ex(/[^a-c]+/, 'abcdefa'), ex(/[\d.]+/, 'v1.25x'), ex(/[\w-]+/, 'a-b c'), ex(/[-a]/, 'x-'), ex(/[a-]/, '-'))
// expect: ["def"]@3 ["1.25"]@1 ["a-b"]@0 ["-"]@1 ["-"]@0
console.log(ex(/\s+/, 'a \t\u00a0\u2028b'), ex(/\S+/, '  xy '), ex(/\D+/, '12ab3'), ex(/\W/, 'ab_c!'), ex(/[\b]/, 'a\bb'))
// expect: [" \t\u00a0\u2028"]@1 ["xy"]@2 ["ab"]@2 ["!"]@4 ["\b"]@1
console.log(ex(/\bfoo\b/, 'a foo.'), ex(/\Boo/, 'foo'), ex(/\b/, ''), ex(/\B/, ''), ex(/^\b$/, 'x'))
// expect: ["foo"]@2 ["oo"]@1 null [""]@0 null
console.log(ex(/^b/, 'a\nb'), ex(/^b/m, 'a\nb'), ex(/a$/m, 'a\r\nb'), ex(/a$/, 'a\nb'), ex(/^$/m, 'a\n\nb'))
// expect: null ["b"]@2 ["a"]@0 null [""]@2
console.log(ex(/a.c/, 'a\nc'), ex(/a.c/s, 'a\nc'), ex(/a.c/, 'a\u2029c'), ex(/./, '\r'), ex(/.../, 'a\u{1F600}'))
// expect: null ["a\nc"]@0 null null ["a\ud83d\ude00"]@0
console.log(ex(/(a)\1/, 'aa'), ex(/\1(a)/, 'aa'), ex(/(?<q>['"]).*?\k<q>/, `say "hi" 'x'`), ex(/(a)|\1b/, 'b'))
// expect: ["aa","a"]@0 ["a","a"]@0 ["\"hi\"","\""]@4 ["b",null]@0
console.log(ex(/(?=(a+))a*b\1/, 'baaabac'), ex(/(?=(a+))/, 'baaabac'), ex(/(.*?)a(?!(a+)b\2c)\2(.*)/, 'baaabaac'))
// expect: ["aba","a"]@3 ["","aaa"]@1 ["baaabaac","ba",null,"abaac"]@0
console.log(ex(/(?<=\$)\d+(\.\d+)?/, 'cost $42.50'), ex(/(?<!\$)\b\d+/, '$4 2'), ex(/(?<=(\d+)(\d+))$/, '1053'))
// expect: ["42.50",".50"]@6 ["2"]@3 ["","1","053"]@4
console.log(ex(/(?<=\1(a))b/, 'aab'), ex(/(?<=a(?=b)b)c/, 'abc'), ex(/(?<!a|b)c/, 'ac bc cc'), ex(/(?<=^|,)\w/, 'x,y'))
// expect: ["b","a"]@2 ["c"]@2 ["c"]@6 ["x"]@0
console.log(ex(/HELLO/i, 'say hello'), ex(/[A-Z]+/i, 'abc1'), ex(/\u00e9/i, '\u00c9'), ex(/σ/i, 'Σ'), ex(/ς/i, 'Σ'))
// expect: ["hello"]@4 ["abc"]@0 ["\u00c9"]@0 ["\u03a3"]@0 ["\u03a3"]@0
console.log(ex(/s/i, '\u017f'), ex(/s/iu, '\u017f'), ex(/\w/iu, '\u212a'), ex(/\w/i, '\u212a'), ex(/[^k]/iu, '\u212a'))
// expect: null ["\u017f"]@0 ["\u212a"]@0 null null
console.log(ex(/(a)\1/i, 'aA'), ex(/[a-z]+/i, 'ÀbC'), ex(/\u0130/i, 'i'), ex(/ß/i, 'ẞ'), ex(/ß/iu, 'ẞ'))
// expect: ["aA","a"]@0 ["bC"]@1 null null ["\u1e9e"]@0
console.log(ex(/a{/, 'a{'), ex(/a{1/, 'a{1'), ex(/x{,2}/, 'x{,2}'), ex(/]/, ']'), ex(/}/, '}'), ex(/\101/, 'A'))
// expect: ["a{"]@0 ["a{1"]@0 ["x{,2}"]@0 ["]"]@0 ["}"]@0 ["A"]@0
console.log(ex(/\8/, '8'), ex(/\c/, '\\c'), ex(/[\c_]/, '\x1f'), ex(/\cJ/, '\n'), ex(/\k/, 'k'), ex(/\a\e/, 'ae'))
// expect: ["8"]@0 ["\\c"]@0 ["\u001f"]@0 ["\n"]@0 ["k"]@0 ["ae"]@0
console.log(ex(/(a)\2/, 'a\x02'), ex(/[\d-z]+/, '1-z'), ex(/\x4/, 'x4'), ex(/\u00/, 'u00'), ex(/(?=x)*y/, 'y'))
// expect: ["a\u0002","a"]@0 ["1-z"]@0 ["x4"]@0 ["u00"]@0 ["y"]@0
console.log(ex(/^(?:(\d+)\.)?(\d+)$/, '42'), ex(/(\w+)\s(\w+)/, 'John Smith'), ex(/((((((((((a))))))))))\10/, 'aa'))
// expect: ["42",null,"42"]@0 ["John Smith","John","Smith"]@0 ["aa","a","a","a","a","a","a","a","a","a","a"]@0
console.log(ex(/[\u{1F600}-\u{1F64F}]/u, 'x\u{1F601}'), ex(/^.$/u, '\u{1F600}'), ex(/^.$/, '\u{1F600}'), ex(/\u{41}/u, 'A'))
// expect: ["\ud83d\ude01"]@1 ["\ud83d\ude00"]@0 null ["A"]@0
console.log(ex(/\ud83d/u, '\u{1F600}'), ex(/\ud83d/, '\u{1F600}'), ex(/\p{L}/, 'p{L}'), ex(/\u{2}/, 'uu'))
// expect: null ["\ud83d"]@0 ["p{L}"]@0 ["uu"]@0
console.log('aaaa'.replace(/a*?/g, '-'), 'abc'.replace(/(?:)/g, '.'), '\u{1F600}\u{1F600}'.replace(/(?:)/gu, '.').length)
// expect: -a-a-a-a- .a.b.c. 7
