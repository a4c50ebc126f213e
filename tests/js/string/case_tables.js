// The case tables against node for every code point: a checksum of the mapped text over
// each plane's worth of code points, so any single difference shows up.
function checksum(str) {
  let h = 0
  for (let i = 0; i < str.length; i++) h = (h * 31 + str.charCodeAt(i)) % 1000000007
  return h + ':' + str.length
}
function block(lo, hi) {
  const parts = []
  for (let c = lo; c < hi; c++) if (c < 0xd800 || c > 0xdfff) parts.push(String.fromCodePoint(c))
  return parts.join(' ')
}
for (const [lo, hi] of [[0, 0x800], [0x800, 0x3000], [0x3000, 0x10000], [0x10000, 0x20000]]) {
  const s = block(lo, hi)
  console.log(lo.toString(16), checksum(s.toUpperCase()), checksum(s.toLowerCase()))
  // expect: 0 762798034:4103 262493597:4096
  // expect: 800 511110415:20575 572729513:20479
  // expect: 3000 503624071:102413 716043819:102399
  // expect: 10000 585650050:196607 697062126:196607
}
// each code point alone (final sigma does not apply to a lone Σ)
let up = 0, low = 0
for (let c = 0; c < 0x20000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue
  const ch = String.fromCodePoint(c)
  if (ch.toUpperCase() !== ch) up++
  if (ch.toLowerCase() !== ch) low++
}
console.log(up, low) // expect: 1580 1488
