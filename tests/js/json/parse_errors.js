// JSON.parse errors: V8's SyntaxError messages, positions and quoted context (node 20).
const texts = [
  "{",
  "",
  " ",
  "}",
  "[1,]",
  "[1,2",
  "{\"a\":1,}",
  "{\"a\" 1}",
  "{a:1}",
  "01",
  "-01",
  "1.",
  "-",
  "-a",
  "1e",
  "1e+",
  "\"abc",
  "\"\\x\"",
  "\"\\u12\"",
  "\"\\u00zz\"",
  "\"\\u12",
  "\"\\",
  "\"a\nb\"",
  "tru",
  "nul",
  "trux",
  "tru1",
  "tr\"",
  "true false",
  "[1] x",
  "{\"a\":1}}",
  ".5",
  "+1",
  "NaN",
  "Infinity",
  "-Infinity",
  "undefined",
  "[object Object]",
  "'a'",
  "\"\t\"",
  "[",
  "[1 2]",
  "{\"a\":1 \"b\":2}",
  "{,}",
  "{\"a\"}",
  "{\"a\":}",
  "{\"a\":1,\"b\" 1}",
  "{\"a\":1,\"b\" \"c\"}",
  "[\"a\" \"b\"]",
  "{\"a\":1,",
  "[1,",
  "{\"a\":1 x",
  "nulll",
  "123abc",
  "\"abc\" \"d\"",
  "\u00a01",
  "[-]",
  "{\"a\":-}",
  "0x10",
  "1e5x",
  "[1e]",
  "[.1]",
  "[1.e1]",
  "[00]",
  "{\"a\":[}",
  "[1,]x",
  "{\"a\":1,\"b\"",
  "{\"a\":1,\"b\":",
  "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\q\"",
  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
  "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,x]",
  "1111111111x111111111111111111111111111111",
  "[1,2,3,4,5,6,7,8,x]",
  "[1,2,3,4,5,6,7,8,9,x",
  "x1234567890123456789",
  "x12345678901234567890",
  "[1,2,3,4,5,6,7,8,x,10,11,12,13,14,15,16]",
  "\u0001",
  "\"\u0001\"",
  "\ud800",
  "\"\ud800",
  "{\"a\":1}\n\n  x",
]
texts.forEach((t) => {
  try { JSON.parse(t); console.log('parsed', JSON.stringify(t)) } catch (e) { console.log(e.constructor.name + ': ' + e.message) }
})
const show = (f) => { try { console.log(f()) } catch (e) { console.log(e.constructor.name + ': ' + e.message) } }
show(() => JSON.parse())
show(() => JSON.parse(undefined))
show(() => JSON.parse({}))
show(() => JSON.parse(Symbol('s')))
show(() => JSON.parse({ toString() { return '[1' } }))

// expect: SyntaxError: Expected property name or '}' in JSON at position 1
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Unexpected token '}', "}" is not valid JSON
// expect: SyntaxError: Unexpected token ']', "[1,]" is not valid JSON
// expect: SyntaxError: Expected ',' or ']' after array element in JSON at position 4
// expect: SyntaxError: Expected double-quoted property name in JSON at position 7
// expect: SyntaxError: Expected ':' after property name in JSON at position 5
// expect: SyntaxError: Expected property name or '}' in JSON at position 1
// expect: SyntaxError: Unexpected number in JSON at position 1
// expect: SyntaxError: Unexpected number in JSON at position 2
// expect: SyntaxError: Unterminated fractional number in JSON at position 2
// expect: SyntaxError: No number after minus sign in JSON at position 1
// expect: SyntaxError: No number after minus sign in JSON at position 1
// expect: SyntaxError: Exponent part is missing a number in JSON at position 2
// expect: SyntaxError: Exponent part is missing a number in JSON at position 3
// expect: SyntaxError: Unterminated string in JSON at position 4
// expect: SyntaxError: Bad escaped character in JSON at position 2
// expect: SyntaxError: Bad Unicode escape in JSON at position 5
// expect: SyntaxError: Bad Unicode escape in JSON at position 5
// expect: SyntaxError: Bad Unicode escape in JSON at position 5
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Bad control character in string literal in JSON at position 2
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Unexpected token 'x', "trux" is not valid JSON
// expect: SyntaxError: Unexpected number in JSON at position 3
// expect: SyntaxError: Unexpected string in JSON at position 2
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 5
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 4
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 7
// expect: SyntaxError: Unexpected token '.', ".5" is not valid JSON
// expect: SyntaxError: Unexpected token '+', "+1" is not valid JSON
// expect: SyntaxError: "NaN" is not valid JSON
// expect: SyntaxError: "Infinity" is not valid JSON
// expect: SyntaxError: No number after minus sign in JSON at position 1
// expect: SyntaxError: "undefined" is not valid JSON
// expect: SyntaxError: "[object Object]" is not valid JSON
// expect: SyntaxError: Unexpected token ''', "'a'" is not valid JSON
// expect: SyntaxError: Bad control character in string literal in JSON at position 1
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Expected ',' or ']' after array element in JSON at position 3
// expect: SyntaxError: Expected ',' or '}' after property value in JSON at position 7
// expect: SyntaxError: Expected property name or '}' in JSON at position 1
// expect: SyntaxError: Expected ':' after property name in JSON at position 4
// expect: SyntaxError: Unexpected token '}', "{"a":}" is not valid JSON
// expect: SyntaxError: Unexpected number in JSON at position 11
// expect: SyntaxError: Unexpected string in JSON at position 11
// expect: SyntaxError: Expected ',' or ']' after array element in JSON at position 5
// expect: SyntaxError: Expected double-quoted property name in JSON at position 7
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Expected ',' or '}' after property value in JSON at position 7
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 4
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 3
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 6
// expect: SyntaxError: Unexpected token ' ', " 1" is not valid JSON
// expect: SyntaxError: No number after minus sign in JSON at position 2
// expect: SyntaxError: No number after minus sign in JSON at position 6
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 1
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 3
// expect: SyntaxError: Exponent part is missing a number in JSON at position 3
// expect: SyntaxError: Unexpected token '.', "[.1]" is not valid JSON
// expect: SyntaxError: Unterminated fractional number in JSON at position 3
// expect: SyntaxError: Unexpected number in JSON at position 2
// expect: SyntaxError: Unexpected token '}', "{"a":[}" is not valid JSON
// expect: SyntaxError: Unexpected token ']', "[1,]x" is not valid JSON
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Unexpected end of JSON input
// expect: SyntaxError: Bad escaped character in JSON at position 52
// expect: SyntaxError: Unexpected token 'x', "xxxxxxxxxx"... is not valid JSON
// expect: SyntaxError: Unexpected token 'x', ...",23,24,25,x]" is not valid JSON
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 10
// expect: SyntaxError: Unexpected token 'x', "[1,2,3,4,5,6,7,8,x]" is not valid JSON
// expect: SyntaxError: Unexpected token 'x', "[1,2,3,4,5,6,7,8,9,x" is not valid JSON
// expect: SyntaxError: Unexpected token 'x', "x1234567890123456789" is not valid JSON
// expect: SyntaxError: Unexpected token 'x', "x123456789"... is not valid JSON
// expect: SyntaxError: Unexpected token 'x', ..."4,5,6,7,8,x,10,11,12"... is not valid JSON
// expect: SyntaxError: Unexpected token '', "" is not valid JSON
// expect: SyntaxError: Bad control character in string literal in JSON at position 1
// expect: SyntaxError: Unexpected token '�', "�" is not valid JSON
// expect: SyntaxError: Unterminated string in JSON at position 2
// expect: SyntaxError: Unexpected non-whitespace character after JSON at position 11
// expect: SyntaxError: "undefined" is not valid JSON
// expect: SyntaxError: "undefined" is not valid JSON
// expect: SyntaxError: "[object Object]" is not valid JSON
// expect: TypeError: Cannot convert a Symbol value to a string
// expect: SyntaxError: Expected ',' or ']' after array element in JSON at position 2
