#!/usr/bin/env node
// gen_math_table.js — the reference table for tracer/mathlib from node (V8) itself.
//
//   node tests/tools/gen_math_table.js [OUT]   (default: tests/data/math/v8.tsv)
//
// One case per line, tab-separated, '#' lines are comments:
//   FUNCTION  X  Y  RESULT
// X, Y and RESULT are IEEE-754 bit patterns as 16 hex digits; Y is '-' for the
// one-argument functions. FUNCTION is the Math method's name (pow is also `**`).
// Each function gets special values (±0, ±Infinity, NaN, subnormals, the edges of its
// domain and of its algorithm's ranges) and random doubles over the ranges where it is
// interesting. The randomness is a fixed-seed PRNG, so reruns are identical for a given
// node version (node 20 generated the committed table).
'use strict';
const fs = require('fs');
const path = require('path');

const out = process.argv[2] || path.join(__dirname, '..', 'data', 'math', 'v8.tsv');

// ---- deterministic randomness (mulberry32) ----
let seed = 0x6d61746b;
function rnd32() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
function rnd() { return (rnd32() * 2 ** 21 + (rnd32() >>> 11)) / 2 ** 53; } // [0, 1)
function uniform(a, b) { return a + (b - a) * rnd(); }
function pick(a) { return a[rnd32() % a.length]; }
function sign() { return rnd32() & 1 ? -1 : 1; }
// |x| with a uniformly random binary exponent in [e0, e1] and random mantissa bits
function logUniform(e0, e1) {
  const e = e0 + (rnd32() % (e1 - e0 + 1));
  return (1 + rnd()) * 2 ** e;
}

// ---- bits <-> double ----
const dv = new DataView(new ArrayBuffer(8));
function bitsOf(x) { dv.setFloat64(0, x); return dv.getBigUint64(0).toString(16).padStart(16, '0'); }
function fromBits(b) { dv.setBigUint64(0, BigInt.asUintN(64, b)); return dv.getFloat64(0); }
function nextUp(x) {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  dv.setFloat64(0, x);
  const b = dv.getBigUint64(0);
  dv.setBigUint64(0, x > 0 ? b + 1n : b - 1n);
  return dv.getFloat64(0);
}
function nextDown(x) { return -nextUp(-x); }
function around(x, n) { // x and its n neighbours on each side
  const r = [x];
  let u = x, d = x;
  for (let i = 0; i < n; i++) { u = nextUp(u); d = nextDown(d); r.push(u, d); }
  return r;
}

const SPECIAL = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 2, -2, 3, 10, 100,
  Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, -2.2250738585072014e-308,
  2.225073858507201e-308, 1e-310, -1e-310, Number.MAX_VALUE, -Number.MAX_VALUE,
  Number.EPSILON, 2 ** -27, 2 ** -28, 2 ** -29, 2 ** -54, 2 ** -1022, 2 ** 1023,
  Math.PI, -Math.PI, Math.PI / 2, Math.PI / 4, Math.E, Math.LN2, Math.SQRT2, 1e300, -1e300,
  1e22, 2 ** 20 * Math.PI, 2 ** 52, 2 ** 53 + 2, 1e-300, 0.1, 0.7, 1.5, 0.25, 0.75];

const rows = [];
function unary(name, inputs) {
  const f = Math[name];
  for (const x of inputs) rows.push(`${name}\t${bitsOf(x)}\t-\t${bitsOf(f(x))}`);
}
function binary(name, pairs) {
  const f = Math[name];
  for (const [x, y] of pairs) rows.push(`${name}\t${bitsOf(x)}\t${bitsOf(y)}\t${bitsOf(f(x, y))}`);
}
function gen(n, fn) { const r = []; for (let i = 0; i < n; i++) r.push(fn(i)); return r; }
const N = 900; // random cases per function and kind of range

// ---- trigonometric: argument reduction by pi/2 ----
const PIO2 = Math.PI / 2;
const trig = [...SPECIAL,
  ...[1, 2, 3, 4, 5, 6, 7, 8, 100, 1000, 12345, 2 ** 19, 2 ** 20, 1e7, 2 ** 30, 1e9, 1e15, 2 ** 60]
    .flatMap((k) => around(k * PIO2, 2)).flatMap((x) => [x, -x]),
  ...around(Math.PI / 4, 2), ...around(3 * Math.PI / 4, 2), 0.6744, 0.6745, 0.7, 0.8,
  0.78125, 0.3, 0.30000000000000004, 0.29999999999999999,
  6381956970095103 * 2 ** 797, 5.319372648326541e255, 1e308, 1.7976931348623157e308,
  ...gen(N, () => sign() * uniform(0, 8)),
  ...gen(N / 3, () => sign() * uniform(0, 1e4)),
  ...gen(N / 3, () => sign() * logUniform(-40, 1023)),
  ...gen(N / 3, () => { const k = Math.floor(uniform(1, 2 ** 20)); return k * PIO2 + uniform(-1e-9, 1e-9) * k; })];
unary('sin', trig);
unary('cos', trig);
unary('tan', trig);

// ---- inverse trigonometric ----
const unit = [...SPECIAL, ...around(1, 3), ...around(-1, 3), ...around(0.5, 3), ...around(-0.5, 3),
  0.975, 0.9749999999999999, 0.4375, 0.6875, 1.1875, 2.4375, 1e-8, 7.450580596923828e-9,
  ...gen(N, () => sign() * rnd()),
  ...gen(N / 3, () => sign() * logUniform(-60, -1))];
unary('asin', unit);
unary('acos', unit);
const atanIn = [...unit, 2 ** 66, 2 ** 67, -(2 ** 66), 3.5, 2.4375, 2.4374999999999996,
  ...gen(N / 2, () => sign() * uniform(0, 20)), ...gen(N / 2, () => sign() * logUniform(-60, 80))];
unary('atan', atanIn);
const atan2Vals = [0, -0, Infinity, -Infinity, NaN, 1, -1, 3, -3, 2 ** 60, 2 ** -60, 1e300, 1e-300,
  Number.MIN_VALUE, -Number.MIN_VALUE];
const atan2In = [];
for (const y of atan2Vals) for (const x of atan2Vals) atan2In.push([y, x]);
for (let i = 0; i < N; i++) atan2In.push([sign() * uniform(0, 10), sign() * uniform(0, 10)]);
for (let i = 0; i < N / 2; i++) atan2In.push([sign() * logUniform(-1074, 1023), sign() * logUniform(-1074, 1023)]);
for (let i = 0; i < N / 2; i++) atan2In.push([sign() * logUniform(-30, 30), sign() * logUniform(-30, 30)]);
binary('atan2', atan2In);

// ---- exponential: reduction by ln2 ----
const expEdges = [709.782712893384, 709.7827128933841, 709.78, 710, -745.1332191019411,
  -745.1332191019412, -745.13, -708.39641853226408, -708.4, -709, -744.44007192138126,
  0.34657359027997264, 0.3465735902799727, 1.0397207708399179, 1.039720770839918,
  ...around(Math.LN2, 2), ...around(-Math.LN2, 2), 3.725290298461914e-9, -3.725290298461914e-9,
  2 ** -28, 2 ** -29, -(2 ** -28), 56 * Math.LN2, -56 * Math.LN2, 1023 * Math.LN2, 1024 * Math.LN2,
  -1022 * Math.LN2, -1023 * Math.LN2, -1074 * Math.LN2, 38, 37.5, 40, 700];
const expIn = [...SPECIAL, ...expEdges,
  ...gen(N, () => sign() * uniform(0, 20)),
  ...gen(N / 3, () => uniform(-745.2, 709.8)),
  ...gen(N / 3, () => sign() * logUniform(-60, 0))];
unary('exp', expIn);
unary('expm1', expIn);

// ---- logarithms: reduction to [sqrt(2)/2, sqrt(2)) ----
const logIn = [...SPECIAL, ...around(1, 4), ...around(Math.SQRT2, 2), ...around(Math.SQRT1_2, 2),
  1.4142135623730951, 0.7071067811865476, 1024, 1e10, 1e-10, 1000, 1e15, 1e-15, 8, 0.125,
  ...gen(N, () => logUniform(-1074, 1023)),
  ...gen(N / 2, () => uniform(0, 4)),
  ...gen(N / 3, () => 1 + sign() * logUniform(-52, -3)),
  ...gen(20, () => -logUniform(-20, 20))];
unary('log', logIn);
unary('log2', logIn);
unary('log10', logIn);
const log1pIn = [...SPECIAL, ...around(-1, 0).slice(1), nextUp(-1), -0.9999999999999999,
  0.41421356237309503, -0.2928932188134524, 2 ** 53, 2 ** 54, 1e20, 2 ** -29, -(2 ** -29),
  ...gen(N, () => uniform(-1, 3)),
  ...gen(N / 2, () => logUniform(-60, 1023)),
  ...gen(N / 3, () => -logUniform(-60, -1))];
unary('log1p', log1pIn);

// ---- cube root ----
const cbrtIn = [...SPECIAL, 8, 27, 64, 125, 1000, 1e-300, 1e300, 3, 9, 0.001,
  ...gen(N, () => sign() * logUniform(-1074, 1023)),
  ...gen(N / 2, () => sign() * uniform(0, 100))];
unary('cbrt', cbrtIn);

// ---- hyperbolic ----
const hypIn = [...SPECIAL, 22, -22, 21.999999999999996, 710.4758600739439, 710.475860073944,
  -710.4758600739439, 709.7822265625, 709.78, 2 ** -28, 2 ** -55, 0.34657359027997264,
  0.5493061443340548, 1e-5,
  ...gen(N, () => sign() * uniform(0, 25)),
  ...gen(N / 3, () => sign() * uniform(0, 711)),
  ...gen(N / 3, () => sign() * logUniform(-60, 0))];
unary('sinh', hypIn);
unary('cosh', hypIn);
unary('tanh', hypIn);
const ahIn = [...SPECIAL, ...around(1, 3), ...around(2, 2), 2 ** 28, 2 ** 29, 2 ** -28, 2 ** -29,
  ...around(0.5, 2), ...gen(N, () => sign() * uniform(0, 4)),
  ...gen(N / 2, () => sign() * logUniform(-60, 1023)),
  ...gen(N / 3, () => 1 + logUniform(-52, 0))];
unary('asinh', ahIn);
unary('acosh', ahIn);
unary('atanh', [...unit, ...gen(N / 2, () => sign() * uniform(0.5, 1))]);

// ---- pow: Number::exponentiate (ecma262 #sec-numeric-types-number-exponentiate) ----
const powVals = [0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1.5, -1.5,
  0.25, 1e-300, -1e-300, 1e300, -1e300, Number.MIN_VALUE, -Number.MIN_VALUE, 2 ** 53, -(2 ** 53),
  2 ** 31, 2 ** 31 + 1, 2 ** 63, 2 ** 64 + 2 ** 12, nextUp(1), nextDown(1), nextDown(-1), 10, 1 / 3];
const powIn = [];
for (const x of powVals) for (const y of powVals) powIn.push([x, y]);
for (let i = 0; i < N; i++) powIn.push([uniform(0, 10), uniform(-10, 10)]);
for (let i = 0; i < N; i++) powIn.push([sign() * uniform(0, 20), Math.floor(uniform(-40, 40))]);
for (let i = 0; i < N; i++) powIn.push([logUniform(-1074, 1023), sign() * logUniform(-10, 3)]);
for (let i = 0; i < N / 2; i++) powIn.push([1 + sign() * logUniform(-52, -10), sign() * logUniform(0, 60)]);
for (let i = 0; i < N / 2; i++) powIn.push([uniform(0, 3), pick([0.5, -0.5, 1.37, 1 / 3, 2.5, -2.5, 0.1])]);
for (let i = 0; i < N / 2; i++) powIn.push([pick([2, 10, 0.5, 3, 1.1, 7]), uniform(-1100, 1100)]);
for (let i = 0; i < 200; i++) powIn.push([i * 0.37, 1.37]);
binary('pow', powIn);

const head = [
  '# FUNCTION X Y RESULT — Math.FUNCTION(X[, Y]) in node (V8: fdlibm algorithms)',
  `# generated by tests/tools/gen_math_table.js with node ${process.version}`,
];
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, head.concat(rows).join('\n') + '\n');
console.error(`${out}: ${rows.length} rows`);
