// QuoteJSONString: escapes, control characters, lone surrogates (well-formed stringify).
console.log(JSON.stringify('quote " backslash \\ slash /'))
console.log(JSON.stringify('\b\f\n\r\t'))
console.log(JSON.stringify('\u0000\u0001\u001f \u007f'))
console.log(JSON.stringify('\u2028\u2029').length, JSON.stringify('\u2028\u2029') === '"\u2028\u2029"')
console.log(JSON.stringify('caf\u00e9 \u4e2d \u{1F600}'))
console.log(JSON.stringify('\ud800'), JSON.stringify('\udc00'), JSON.stringify('\udc00\ud800'), JSON.stringify('a\ud83d'))
console.log(JSON.stringify({ '\n': 1, 'k"ey': 2, '\ud800': 3 }))
console.log(JSON.stringify(['\u001b[0m']))

// expect: "quote \" backslash \\ slash /"
// expect: "\b\f\n\r\t"
// expect: "\u0000\u0001\u001f "
// expect: 4 true
// expect: "café 中 😀"
// expect: "\ud800" "\udc00" "\udc00\ud800" "a\ud83d"
// expect: {"\n":1,"k\"ey":2,"\ud800":3}
// expect: ["\u001b[0m"]
