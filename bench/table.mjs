// Turns the JSON lines of recert_bench (native, and the WebAssembly build under
// Node) into the evaluation table of scripts/bench, in Markdown, with the
// issue's targets checked underneath.
//
//   node bench/table.mjs --native FILE --wasm FILE [--growth FILE]
//
// --growth: native lines at sizes beyond the table's (200,000 entries), for the
// growth figures only.
import { readFileSync } from 'node:fs';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const read = (file) => (file ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
const native = read(args.native), wasm = read(args.wasm), extra = read(args.growth);
const key = (r) => `${r.program}/${r.entries}`;
const wasmBy = new Map(wasm.map((r) => [key(r), r]));
const nativeBy = new Map([...native, ...extra].map((r) => [key(r), r]));

const ms = (x) => (x === undefined ? '–' : x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (b) => (b === undefined ? '–' : b < 1024 * 1024 ? `${(b / 1024).toFixed(0)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`);

console.log('| program | entries | native ms | wasm ms | wasm / native | peak heap, native | peak heap, wasm | parse the log, native ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of native) {
  const w = wasmBy.get(key(r));
  const ratio = w ? (w.evaluate_ms / r.evaluate_ms).toFixed(2) : '–';
  console.log(`| ${r.program} | ${r.entries.toLocaleString('en')} | ${ms(r.evaluate_ms)} | ${ms(w?.evaluate_ms)} | ${ratio} | ` +
              `${mb(r.peak_bytes)} | ${mb(w?.peak_bytes)} | ${ms(r.parse_ms)} |`);
}

const notOptimal = [...native, ...wasm].filter((r) => !r.optimal);
const at = (n) => native.filter((r) => r.entries === n);
const worst = (rows) => rows.reduce((a, r) => (!a || r.evaluate_ms > a.evaluate_ms ? r : a), null);
const check = (ok) => (ok ? 'met' : 'MISSED');
console.log('');
const w1k = worst(at(1000)), w100k = worst(at(100000));
if (w1k) console.log(`- 1,000 entries natively: at most ${ms(w1k.evaluate_ms)} ms (${w1k.program}); target < 1 ms: ${check(w1k.evaluate_ms < 1)}`);
if (w100k) console.log(`- 100,000 entries natively: at most ${ms(w100k.evaluate_ms)} ms (${w100k.program}); target < 200 ms: ${check(w100k.evaluate_ms < 200)}`);
const ratios = native.map((r) => [r, wasmBy.get(key(r))]).filter(([, w]) => w).map(([r, w]) => ({ r, x: w.evaluate_ms / r.evaluate_ms }));
if (ratios.length) {
  const sorted = ratios.map((q) => q.x).sort((a, b) => a - b);
  const top = ratios.reduce((a, q) => (q.x > a.x ? q : a));
  console.log(`- wasm / native: median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)}, at most ${top.x.toFixed(2)} ` +
              `(${top.r.program}, ${top.r.entries.toLocaleString('en')} entries); target within 2x: ${check(top.x <= 2)}`);
}
// Growth: time ratio between sizes against what n log n would give.
const nlogn = (a, b) => (b * Math.log(b)) / (a * Math.log(a));
const steps = [[1000, 10000], [10000, 100000], [100000, 200000]];
const programs = [...new Set(native.map((r) => r.program))];
const lines = [];
for (const p of programs) {
  const parts = [];
  for (const [a, b] of steps) {
    const ra = nativeBy.get(`${p}/${a}`), rb = nativeBy.get(`${p}/${b}`);
    if (ra && rb) parts.push(`${(a / 1000).toLocaleString('en')}k→${(b / 1000).toLocaleString('en')}k x${(rb.evaluate_ms / ra.evaluate_ms).toFixed(1)}`);
  }
  if (parts.length) lines.push(`  - ${p}: ${parts.join(', ')}`);
}
if (lines.length) {
  console.log(`- growth of the native time (n log n would be ${steps.map(([a, b]) => `x${nlogn(a, b).toFixed(1)}`).join(', ')}):`);
  for (const l of lines) console.log(l);
}
if (notOptimal.length) console.log(`- allocation NOT proven optimal in ${notOptimal.length} runs: ${notOptimal.map(key).join(', ')}`);
else console.log('- every evaluation\'s allocation was proven optimal (allocation_optimal)');
