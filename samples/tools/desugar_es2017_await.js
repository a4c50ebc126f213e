#!/usr/bin/env node
// desugar_es2017_await.js — print FILE with every `await EXPR` rewritten to
// `await new Promise(__r => __r(EXPR))`.
//
//   node samples/tools/desugar_es2017_await.js FILE.js > /tmp/x.js && node /tmp/x.js
//
// Why: on an engine with the ES2019 Await (PR tc39/ecma262#1250, node 12+), awaiting a
// native promise costs 1 tick. ES2017's Await instead resolved a *new* promise with the
// value and awaited that one: for a native promise this goes through
// NewPromiseResolveThenableJob, then the inner then's reaction, then the await's own
// reaction: 3 ticks; for a non-thenable it is 1 tick, as now. The rewrite builds exactly
// that new promise in user code, so node 20 running the rewritten program shows the
// ES2017 order with node 20's event loop: an independent check of NAME.es2017.out.
// Limits: the scanner is textual (balanced brackets; the operand ends at ';', a newline
// or a closing bracket at depth 0), good for the samples here, not a JS parser; and an
// operand that throws synchronously becomes a rejection (same output for these samples).
'use strict';
const fs = require('fs');
const src = fs.readFileSync(process.argv[2], 'utf8');
let out = '';
let i = 0;
for (;;) {
  const re = /\bawait\s+/g;
  re.lastIndex = i;
  const m = re.exec(src);
  if (!m) { out += src.slice(i); break; }
  out += src.slice(i, m.index) + 'await new Promise(__r => __r(';
  let j = m.index + m[0].length;
  let depth = 0;
  for (; j < src.length; j++) {
    const c = src[j];
    if ('([{'.includes(c)) {
      depth++;
    } else if (')]}'.includes(c)) {
      if (depth === 0) break;
      depth--;
      // a call or construction closed at depth 0 ends the operand unless it continues
      if (depth === 0 && c === ')' && !/^\s*[.(\[]/.test(src.slice(j + 1))) { j++; break; }
    } else if (depth === 0 && (c === ';' || c === '\n')) {
      break;
    }
  }
  out += src.slice(m.index + m[0].length, j) + '))';
  i = j;
}
process.stdout.write(out);
