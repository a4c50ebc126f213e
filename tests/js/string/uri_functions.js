// The URI handling functions (ecma262 #sec-uri-handling-functions) and Annex B's
// escape/unescape, with V8's URIError message.
function t(f) { try { console.log(JSON.stringify(f())); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } }
const s = 'a b&c=d/e?f#g;h,i:j@k+l$m-n_o.p!q~r*s\'t(u)v é€😀 \t%';
t(() => encodeURIComponent(s));
t(() => encodeURI(s));
t(() => decodeURIComponent(encodeURIComponent(s)) === s);
t(() => decodeURI(encodeURI(s)) === s);
t(() => decodeURI('%3B%2F%3F%3A%40%26%3D%2B%24%2C%23%41%20'));
t(() => decodeURIComponent('%3B%2F%3F%3A%40%26%3D%2B%24%2C%23%41%20'));
t(() => decodeURIComponent('%e2%82%ac%F0%9F%98%80'));
for (const bad of ['%', '%4', '%zz', '%C0%80', '%E0%80%80', '%ED%A0%80', '%F4%90%80%80', '%80', '%C3', '%C3%28', '%F8%80%80%80%80'])
    t(() => decodeURIComponent(bad));
t(() => encodeURIComponent('\uD800'));
t(() => encodeURIComponent('\uDC00'));
t(() => encodeURIComponent('\uD800x'));
t(() => encodeURIComponent(123));
t(() => encodeURIComponent());
t(() => decodeURIComponent(null));
t(() => escape(s));
t(() => unescape(escape(s)) === s);
t(() => unescape('%u00e9%41%zz%u12%'));
console.log(encodeURIComponent.length, encodeURIComponent.name, typeof escape, Object.keys(globalThis).includes('escape'));
// expect: "a%20b%26c%3Dd%2Fe%3Ff%23g%3Bh%2Ci%3Aj%40k%2Bl%24m-n_o.p!q~r*s't(u)v%20%C3%A9%E2%82%AC%F0%9F%98%80%20%09%25"
// expect: "a%20b&c=d/e?f#g;h,i:j@k+l$m-n_o.p!q~r*s't(u)v%20%C3%A9%E2%82%AC%F0%9F%98%80%20%09%25"
// expect: true
// expect: true
// expect: "%3B%2F%3F%3A%40%26%3D%2B%24%2C%23A "
// expect: ";/?:@&=+$,#A "
// expect: "€😀"
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: URIError: URI malformed
// expect: "123"
// expect: "undefined"
// expect: "null"
// expect: "a%20b%26c%3Dd/e%3Ff%23g%3Bh%2Ci%3Aj@k+l%24m-n_o.p%21q%7Er*s%27t%28u%29v%20%E9%u20AC%uD83D%uDE00%20%09%25"
// expect: true
// expect: "éA%zz%u12%"
// expect: 1 encodeURIComponent function false
