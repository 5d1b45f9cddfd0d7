// The page's figures (scripts/bench page): bytes of each file of the built site
// and the gzipped total; what a first visit fetches before the page is ready (each
// file gzipped, as a server would send it); in headless Chromium, the time from navigation to the
// first frame drawn, the main thread's CPU time per frame while scrolling the
// activity table with a 10,000-entry log, and the frames drawn in 5 idle
// seconds. Prints a Markdown table. Needs build-web/site (scripts/build-web).
//
//   node bench/page.mjs [--site DIR] [--entries N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { benchArgs } from './args.mjs';
import { chromiumOptions, serve } from '../tests/web/launch.mjs';
import { bigLog, counted } from './logs.mjs';

const { site, entries } = benchArgs('page.mjs', { entries: 10000 });

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// Bytes of each file, as served and gzipped (-9).
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const sizes = files(site).map((p) => {
  const data = readFileSync(p);
  return { file: relative(site, p), bytes: data.length, gzipped: gzipSync(data, { level: 9 }).length };
}).sort((a, b) => b.bytes - a.bytes);

const server = await serve(site);
const { origin } = server;
const browser = await chromium.launch(chromiumOptions);

async function metrics(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}

// Navigation to the end of the first frame, with the stored log (or none): median of 5 loads.
async function firstFrame(log) {
  const times = [];
  for (let run = 0; run < 5; run++) {
    const context = await counted(browser, log);
    const page = await context.newPage();
    await page.goto(`${origin}/?today=2026-11-26`);
    await page.evaluate(() => window.recert.ready);
    await page.waitForFunction(() => window.__firstFrame !== null, null, { timeout: 60000 });
    times.push(await page.evaluate(() => window.__firstFrame));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return times[2];
}

// What a first visit fetches until the page is ready, each response's body gzipped (-9). The
// service worker is blocked so that its precache of the offline copy, fetched after, is not
// counted; the libraries in lib/ come only when a task needs them.
async function firstLoad() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => ({
    file: new URL(r.url()).pathname.replace(/^\/v\/[^/]+\//, ''), bytes: b.length, gzipped: gzipSync(b, { level: 9 }).length,
  }), () => null)));
  await page.goto(`${origin}/?today=2026-11-26`);
  await page.evaluate(() => window.recert.ready);
  const list = (await Promise.all(bodies)).filter(Boolean).sort((a, b) => b.gzipped - a.gzipped);
  await context.close();
  return list;
}
const first = await firstLoad();

const firstEmpty = await firstFrame(null);
const log = bigLog(entries);
const firstBig = await firstFrame(log);

// The activity table with a log: main-thread CPU per frame while scrolling it with the
// mouse wheel (TaskDuration: script, style, layout, and the WebGL calls, whose drawing
// SwiftShader does in software; ScriptDuration: the page's JavaScript and wasm only);
// then, for the big log, the frames drawn in 5 idle seconds.
async function table(logText, idle) {
  const context = await counted(browser, logText);
  const page = await context.newPage();
  await page.goto(`${origin}/?test&today=2026-11-26`);
  await page.evaluate(() => window.recert.ready);
  const stored = await page.evaluate(() => window.recert.log().entries.length);
  // The activity table: its own tab in newer pages, under the dashboard in older ones.
  let tab = null, shown = [];
  for (let i = 0; i < 60 && !tab; i++) {
    const w = await page.evaluate(() => window.recert.widgets());
    shown = Object.keys(w);
    tab = w['tab.activities'];
    if (!tab) await page.waitForTimeout(50);
  }
  if (tab) {
    await page.mouse.move(tab.x + tab.w / 2, tab.y + tab.h / 2);
    await page.mouse.down();
    await page.waitForTimeout(60);
    await page.mouse.up();
  } else if (!shown.some((k) => k.startsWith('row.'))) {
    throw new Error(`no activity table on screen; widgets: ${shown.join(', ')}`);
  }
  await page.waitForTimeout(1500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.mouse.move(683, 500);
  let m0 = await metrics(cdp);
  let f0 = await page.evaluate(() => window.__frames);
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, i % 20 < 10 ? 120 : -120);
    await page.waitForTimeout(50);
  }
  let m1 = await metrics(cdp);
  let f1 = await page.evaluate(() => window.__frames);
  const out = { stored, frames: f1 - f0 };
  out.task = ((m1.TaskDuration - m0.TaskDuration) * 1000) / Math.max(1, out.frames);
  out.script = ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / Math.max(1, out.frames);
  if (idle) {
    await page.waitForTimeout(3000);  // input wakes the page for a moment; let it stop
    m0 = await metrics(cdp);
    f0 = await page.evaluate(() => window.__frames);
    await page.waitForTimeout(5000);
    m1 = await metrics(cdp);
    f1 = await page.evaluate(() => window.__frames);
    out.idleFrames = f1 - f0;
    out.idleTask = (m1.TaskDuration - m0.TaskDuration) * 1000;
  }
  await context.close();
  return out;
}
const small = await table(bigLog(10), false);
const big = await table(log, true);

await browser.close();
await server.stop();

const total = sizes.reduce((s, f) => s + f.bytes, 0), totalGz = sizes.reduce((s, f) => s + f.gzipped, 0);
console.log('| file | bytes | gzipped |');
console.log('|---|---:|---:|');
for (const f of sizes) console.log(`| ${f.file} | ${kb(f.bytes)} | ${kb(f.gzipped)} |`);
console.log(`| **all ${sizes.length} files** | **${kb(total)}** | **${kb(totalGz)}** |`);
console.log('');
const sum = (list, k) => list.reduce((n, f) => n + f[k], 0);
console.log('| first visit, fetched until ready | bytes | gzipped |');
console.log('|---|---:|---:|');
for (const f of first) console.log(`| ${f.file} | ${kb(f.bytes)} | ${f.gzipped.toLocaleString('en')} B |`);
console.log(`| **${first.length} files** | **${kb(sum(first, 'bytes'))}** | **${sum(first, 'gzipped').toLocaleString('en')} B** |`);
console.log('');
console.log('| page (headless Chromium, SwiftShader) | measured | target |');
console.log('|---|---:|---|');
console.log(`| navigation to first frame, no log (median of 5) | ${firstEmpty.toFixed(0)} ms | |`);
console.log(`| navigation to first frame, ${entries.toLocaleString('en')}-entry log (median of 5) | ${firstBig.toFixed(0)} ms | |`);
console.log(`| CPU per frame, scrolling the activity table, ${big.stored.toLocaleString('en')} entries (${big.frames} frames) | ${big.task.toFixed(1)} ms, of which script and wasm ${big.script.toFixed(2)} ms | < 4 ms |`);
console.log(`| the same with ${small.stored} entries (${small.frames} frames) | ${small.task.toFixed(1)} ms, of which script and wasm ${small.script.toFixed(2)} ms | |`);
console.log(`| frames drawn in 5 idle seconds (${big.stored.toLocaleString('en')} entries) | ${big.idleFrames} (main thread busy ${big.idleTask.toFixed(0)} ms) | 0 |`);
