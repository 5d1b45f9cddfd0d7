// The offline figures (scripts/bench offline): bytes over the network and time from
// navigation to the first frame for a first visit, a repeat visit online (the page from the
// service worker; the network only carries the browser's check of sw.js) and a repeat visit
// offline, side by side in one run, median of 5 fresh browser contexts; then the size of
// recert.html, raw and gzipped. Bytes are counted on the wire by a TCP relay in front of
// web/serve.mjs (headers included, as scripts/run serves them: uncompressed). Prints Markdown.
//
//   node bench/offline.mjs [--site DIR] [--runs N]
import { createServer, connect } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { benchArgs } from './args.mjs';
import { chromiumOptions, countFrames, serve } from '../tests/web/launch.mjs';

const { site, runs } = benchArgs('offline.mjs', { runs: 5 }, 'recert.html');

const server = await serve(site);
// The relay: every byte between the browser and the server passes here and is counted.
const wire = { down: 0, up: 0 };
const relay = createServer((client) => {
  const upstream = connect(server.port, '127.0.0.1');
  client.on('data', (d) => { wire.up += d.length; upstream.write(d); });
  upstream.on('data', (d) => { wire.down += d.length; client.write(d); });
  client.on('end', () => upstream.end());
  upstream.on('end', () => client.end());
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
});
await new Promise((resolve) => relay.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${relay.address().port}/?today=2026-11-26`;
const browser = await chromium.launch(chromiumOptions);

// Loads the page in a new tab of `context` and returns the first frame's time and the bytes
// that crossed the wire from the navigation until `settled` resolves.
async function visit(context, settled) {
  wire.down = wire.up = 0;
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => window.recert.ready);
  await page.waitForFunction(() => window.__firstFrame !== null, null, { timeout: 60000 });
  const frame = await page.evaluate(() => window.__firstFrame);
  await settled(page);
  await page.waitForTimeout(1000);  // anything still in flight (the sw.js check) arrives
  return { frame, bytes: wire.down + wire.up };
}
// The first visit counts the service worker's install too (the page registers it once started).
const installed = (page) => page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active.state === 'activated'
  ? 0 : new Promise((resolve) => r.active.addEventListener('statechange', resolve))));
const nothing = async () => {};

const results = { first: [], online: [], offline: [] };
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await context.addInitScript(countFrames);
  results.first.push(await visit(context, installed));
  results.online.push(await visit(context, nothing));
  await context.setOffline(true);
  results.offline.push(await visit(context, nothing));
  await context.close();
}
await browser.close();
relay.close();
await server.stop();

const median = (list, key) => { const v = list.map((x) => x[key]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
const kb = (n) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);
const first = median(results.first, 'frame');
console.log(`| visit (headless Chromium, SwiftShader; median of ${runs}) | bytes over the network | navigation to first frame | first visit / this |`);
console.log('|---|---:|---:|---:|');
for (const [key, name] of [['first', 'first visit (page, then the service worker\'s install)'],
                           ['online', 'repeat visit online (from the service worker)'],
                           ['offline', 'repeat visit offline']]) {
  const frame = median(results[key], 'frame');
  console.log(`| ${name} | ${kb(median(results[key], 'bytes'))} | ${frame.toFixed(0)} ms | ${(first / frame).toFixed(2)} |`);
}
const single = readFileSync(join(site, 'recert.html'));
console.log('');
console.log('| recert.html | bytes |');
console.log('|---|---:|');
console.log(`| raw | ${kb(single.length)} |`);
console.log(`| gzipped (-9) | ${kb(gzipSync(single, { level: 9 }).length)} |`);
