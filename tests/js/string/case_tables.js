// The case tables against node for every code point up to U+1FFFF: a checksum of the
// mapped text of each range, so any single difference shows up. (Built from chunks of
// code points so that it stays fast under TRACE_GC_STRESS=1.)
function checksum(str) {
  let h = 0
  for (let i = 0; i < str.length; i++) h = (h * 31 + str.charCodeAt(i)) % 1000000007
  return h + ':' + str.length
}
function block(lo, hi) {
  const chunks = []
  for (let start = lo; start < hi; start += 2048) {
    const codes = []
    for (let c = start; c < hi && c < start + 2048; c++) if (c < 0xd800 || c > 0xdfff) codes.push(c, 32)
    chunks.push(String.fromCodePoint.apply(null, codes))
  }
  return chunks.join('')
}
for (const [lo, hi] of [[0, 0x800], [0x800, 0x3000], [0x3000, 0x10000], [0x10000, 0x20000]]) {
  const s = block(lo, hi)
  console.log(lo.toString(16), checksum(s.toUpperCase()), checksum(s.toLowerCase()))
  // expect: 0 646738925:4104 137301483:4097
  // expect: 800 844422792:20576 754614816:20480
  // expect: 3000 612346128:102414 197358267:102400
  // expect: 10000 155151456:196608 608925791:196608
}
