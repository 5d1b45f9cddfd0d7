// The .zip backup's figures (scripts/bench archive): a log whose activities name N certificates
// of SIZE MB each (random bytes, so nothing compresses; kept in IndexedDB as the page keeps them)
// is backed up with "Back up everything" and the .zip restored into a fresh browser profile.
// Prints, for each: the time from the menu item to the download (or to the import preview that
// says the certificates matched), the page's peak JS heap (CDP's JSHeapUsedSize, sampled every
// 100 ms; the certificates' bytes are outside it), the peak resident memory of the renderers and
// of all the browser's processes together (from /proc), and the longest gap between frames,
// which says whether the page froze. A screenshot of the backup's progress bar part way goes to
// test-artifacts/archive-progress.png. Markdown.
//
//   node bench/archive.mjs [--site DIR] [--count N] [--size MB]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { benchArgs, root } from './args.mjs';
import { chromiumOptions, serve } from '../tests/web/launch.mjs';

const { site, count, size } = benchArgs('archive.mjs', { count: 20, size: 10 });
const server = await serve(site);
const origin = `http://127.0.0.1:${server.port}`;
const url = `${origin}/?today=2026-11-26`;
const browser = await chromium.launch(chromiumOptions);
const dir = mkdtempSync(join(tmpdir(), 'recert-bench-archive-'));
mkdirSync(join(root, 'test-artifacts'), { recursive: true });

// The longest time between two animation frames since the page loaded.
const frameGaps = () => {
  window.__longestGap = 0;
  let last = performance.now();
  const tick = (t) => { window.__longestGap = Math.max(window.__longestGap, t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
};

// Resident bytes of every Chromium process under this one (Playwright starts the browser as
// its child), and of its renderers alone (--type=renderer: the page's own process, where the
// certificates' bytes pass, without the GPU and browser processes).
function browserRss() {
  const parent = new Map(), rss = new Map(), renderers = new Set();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, fields[1]);
      if (!/chrom/i.test(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) continue;
      rss.set(pid, Number(fields[21]) * 4096);
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) renderers.add(pid);
    } catch { /* gone meanwhile */ }
  }
  const self = String(process.pid);
  let all = 0, renderer = 0;
  for (const [pid, bytes] of rss) {
    for (let p = pid; p && p !== '0' && p !== '1'; p = parent.get(p)) {
      if (p !== self) continue;
      all += bytes;
      if (renderers.has(pid)) renderer += bytes;
      break;
    }
  }
  return { all, renderer };
}

// Runs `work` on `page` while sampling its JS heap; returns the seconds taken and the peak.
async function measured(page, work) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  let peak = await heap(), rss = browserRss(), sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heap().catch(() => 0));
      const now = browserRss();
      rss = { all: Math.max(rss.all, now.all), renderer: Math.max(rss.renderer, now.renderer) };
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await page.evaluate(() => { window.__longestGap = 0; });
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  sampling = false;
  await sampler;
  return { seconds, peak, rss, gap: await page.evaluate(() => window.__longestGap) };
}

// The certificates, made and kept in IndexedDB by the page's origin, and a log naming them.
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
await context.addInitScript(frameGaps);
const setup = await context.newPage();
await setup.goto(`${origin}/programs/index.json`);
await setup.evaluate(async ({ count, bytes }) => {
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const open = indexedDB.open('recert', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('certificates');
  const db = await request(open);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const data = new Uint8Array(bytes);
    for (let at = 0; at < bytes; at += 65536) crypto.getRandomValues(data.subarray(at, Math.min(bytes, at + 65536)));
    data.set([0x25, 0x50, 0x44, 0x46, 0x2d]);  // %PDF-
    const sha = [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const tx = db.transaction('certificates', 'readwrite');
    tx.objectStore('certificates').put({ type: 'application/pdf', size: bytes, added: Date.now(), bytes: data.buffer }, sha);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    entries.push({ id: `e${i + 1}`, title: `Seminar ${i + 1}`, date: '2025-06-01', credits: '1', kind: 'course', topics: ['fmla'],
                   files: [{ id: 'f1', name: `Seminar ${i + 1}.pdf`, type: 'application/pdf', size: bytes, sha256: sha }] });
  }
  db.close();
  localStorage.setItem('recert-log', JSON.stringify({ format: 'recert-log', version: 1, entries,
    credentials: [{ id: 'c1', program: 'dmec-clms', certified_on: '2025-02-10', options: {} }] }));
}, { count, bytes: size * 1024 * 1024 });
await setup.close();

const page = await context.newPage();
await page.goto(url);
await page.evaluate(() => window.recert.ready);
const path = join(dir, 'backup.zip');
const backup = await measured(page, async () => {
  await page.getByRole('button', { name: 'Backup', exact: true }).press('Enter');
  const downloading = page.waitForEvent('download', { timeout: 600000 });
  await page.getByRole('menuitem', { name: 'Back up everything (.zip, with certificates)' }).press('Enter');
  // Its progress bar, part way, to look at (test-artifacts/archive-progress.png).
  await page.getByRole('progressbar').first().waitFor({ state: 'attached', timeout: 600000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(root, 'test-artifacts', 'archive-progress.png') });
  await (await downloading).saveAs(path);
});
await context.close();

const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await fresh.addInitScript(frameGaps);
const there = await fresh.newPage();
await there.goto(`${origin}/?test&today=2026-11-26`);  // ?test: window.recert.widgets() gives the rectangles
await there.evaluate(() => window.recert.ready);
const restore = await measured(there, async () => {
  await there.getByRole('button', { name: 'Backup', exact: true }).press('Enter');
  const choosing = there.waitForEvent('filechooser');
  // A pointer's press and release on the item, as tests/web/harness.mjs's click makes it.
  await there.getByRole('menuitem', { name: 'Import a backup (.zip or JSON) or CSV…' }).waitFor({ state: 'attached' });
  await there.waitForTimeout(300);  // the menu settles where it opens
  const r = await there.evaluate(() => window.recert.widgets()['menu.import']);
  await there.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await there.mouse.down();
  await there.waitForTimeout(60);
  await there.mouse.up();
  await (await choosing).setFiles(path);
  await there.getByText(`${count} certificates from the backup matched their records`, { exact: false }).waitFor({ state: 'attached', timeout: 600000 });
});
await fresh.close();
await browser.close();
await server.stop();

const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`${count} certificates of ${size} MB (${mb(statSync(path).size)} .zip), headless Chromium, ${new Date().toISOString().slice(0, 10)}:`);
console.log('');
console.log('| | time | peak JS heap | peak resident, renderers | peak resident, all browser processes | longest frame gap |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, r] of [['Back up everything (menu item to download)', backup], ['restore into a fresh profile (file chosen to preview)', restore]])
  console.log(`| ${name} | ${r.seconds.toFixed(1)} s | ${mb(r.peak)} | ${mb(r.rss.renderer)} | ${mb(r.rss.all)} | ${r.gap.toFixed(0)} ms |`);
rmSync(dir, { recursive: true, force: true });
