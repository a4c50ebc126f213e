#!/usr/bin/env node
// check_with_node.js — re-derive the expectations of tests/parse from node itself.
//   node tests/parse/check_with_node.js          (from the repository root)
// For every tests/parse/errors file, compile it the way node would (vm.Script for .js, as
// a script rather than a CommonJS wrapper; `node --check` for .mjs) and compare
// node's "LINE:COL: Name: message" with the file's first line
// "// expect error: LINE:COL: Name: message [// deviation: why]". Lines marked as a
// deviation are reported, not failed. Every tests/parse/seeds file and every samples/*.js
// program (the seeds' whole programs) must compile.
// Columns are UTF-16 code units, counted from node's caret line. Exit status 1 on mismatch.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { spawnSync } = require('child_process');

const root = path.join(__dirname);
function verdict(file) {
  const src = fs.readFileSync(file, 'utf8');
  let lines, name, message;
  if (file.endsWith('.mjs')) {
    const r = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    if (r.status === 0) return 'OK';
    lines = r.stderr.split('\n');
    const em = /^(\w*Error): (.*)$/m.exec(r.stderr);
    name = em ? em[1] : '?';
    message = em ? em[2] : r.stderr;
  } else {
    try {
      new vm.Script(src, { filename: file });
      return 'OK';
    } catch (e) {
      lines = String(e.stack).split('\n');
      name = e.name;
      message = e.message;
    }
  }
  const m = /:(\d+)$/.exec(lines[0]);
  const caret = lines[2] || '';
  const col = (caret.indexOf('^') >= 0 ? caret.indexOf('^') : caret.length) + 1;
  return `${m ? m[1] : 0}:${col}: ${name}: ${message}`;
}

let bad = 0, dev = 0, n = 0;
const edir = path.join(root, 'errors');
for (const f of fs.readdirSync(edir).sort()) {
  if (!/\.m?js$/.test(f)) continue;
  const file = path.join(edir, f);
  const first = fs.readFileSync(file, 'utf8').split('\n', 1)[0];
  const m = /^\/\/ expect error: (.*?)(?: \/\/ (.*))?$/.exec(first);
  if (!m) { console.log(`${f}: no "// expect error:" line`); bad++; continue; }
  const got = verdict(file);
  n++;
  if (got.startsWith('SKIP')) { console.log(`${f}: ${got}`); continue; }
  if (got !== m[1]) {
    if (m[2]) { dev++; console.log(`${f}: deviation (${m[2]}): node says ${got}`); }
    else { bad++; console.log(`${f}: expected ${m[1]}\n  node: ${got}`); }
  }
}
for (const [label, sdir] of [['seeds', path.join(root, 'seeds')],
                              ['samples', path.join(root, '..', '..', 'samples')]]) {
  for (const f of fs.readdirSync(sdir).sort()) {
    if (!/\.js$/.test(f)) continue;
    const got = verdict(path.join(sdir, f));
    n++;
    if (got !== 'OK') { bad++; console.log(`${label}/${f}: node says ${got}`); }
  }
}
console.log(`check_with_node: ${n} files, ${bad} mismatches, ${dev} documented deviations`);
process.exit(bad ? 1 : 0);
