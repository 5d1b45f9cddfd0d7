// The renewal packet's figures (scripts/bench packet): a DMEC log of N counted activities, each
// with its verification code and a one-page certificate PDF (made with pdf-lib, kept in IndexedDB
// as the page keeps them), and "Renewal packet (PDF)" pressed twice. Prints the time from the
// press to the download, the first time (pdf-lib and fontkit loaded, then) and again (loaded),
// the PDF's pages and bytes, and the page's peak JS heap (CDP's JSHeapUsedSize, every 50 ms).
// Markdown.
//
//   node bench/packet.mjs [--site DIR] [--count N]
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { benchArgs } from './args.mjs';
import { chromiumOptions, serve, storeCertificates } from '../tests/web/launch.mjs';

const { site, count } = benchArgs('packet.mjs', { count: 40 });
const server = await serve(site);
const origin = `http://127.0.0.1:${server.port}`;
const browser = await chromium.launch(chromiumOptions);
const dir = mkdtempSync(join(tmpdir(), 'recert-bench-packet-'));

const certificates = [], entries = [];
for (let i = 0; i < count; i++) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText(`Certificate of attendance: Seminar ${i + 1}`, { x: 72, y: 700, size: 20, font });
  page.drawText(`Verification code CLMS-${1000 + i}`, { x: 72, y: 670, size: 12, font });
  const bytes = Buffer.from(await doc.save());
  certificates.push(['application/pdf', bytes]);
  const day = `2025-${String(3 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
  entries.push({ id: `e${i + 1}`, title: `Seminar ${i + 1} on leave and disability law`, provider: 'DMEC', date: day, credits: '0.5',
                 kind: 'live_webinar', topics: ['fmla'], code: `CLMS-${1000 + i}`,
                 files: [{ id: 'f1', name: `Seminar ${i + 1}.pdf`, type: 'application/pdf', size: bytes.length,
                           sha256: createHash('sha256').update(bytes).digest('hex') }] });
}
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
const setup = await context.newPage();
await setup.goto(`${origin}/programs/index.json`);
await setup.evaluate((t) => localStorage.setItem('recert-log', t), JSON.stringify({ format: 'recert-log', version: 1, entries,
  credentials: [{ id: 'c1', program: 'dmec-clms', certified_on: '2025-02-10', options: {} }] }));
await setup.close();
await storeCertificates(context, origin, certificates);

const page = await context.newPage();
await page.goto(`${origin}/?today=2026-11-26`);
await page.evaluate(() => window.recert.ready);
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;

async function make(n) {
  let peak = await heap(), sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heap().catch(() => 0));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const button = page.getByRole('button', { name: 'Renewal packet (PDF)', exact: true });
  await button.focus();
  const downloading = page.waitForEvent('download', { timeout: 600000 });
  const start = performance.now();
  await page.keyboard.press('Enter');
  const download = await downloading;
  const seconds = (performance.now() - start) / 1000;
  sampling = false;
  await sampler;
  const path = join(dir, `packet-${n}.pdf`);
  await download.saveAs(path);
  const pdf = await PDFDocument.load(readFileSync(path));
  // The toast ends the job: the next press would be ignored while it runs.
  await page.waitForFunction(() => /Renewal packet saved/.test(document.getElementById('announce').textContent));
  await page.evaluate(() => { document.getElementById('announce').textContent = ''; });
  return { seconds, peak, pages: pdf.getPageCount(), bytes: statSync(path).size };
}
const first = await make(1);
const again = await make(2);
await browser.close();
await server.stop();
rmSync(dir, { recursive: true, force: true });

const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
console.log(`Renewal packet (PDF): ${count} counted activities, each with a one-page certificate PDF`);
console.log('');
console.log('| | press to download | pages | PDF size | peak JS heap |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, r] of [['first packet (pdf-lib and fontkit loaded then)', first], ['second packet', again]])
  console.log(`| ${name} | ${r.seconds.toFixed(2)} s | ${r.pages} | ${mb(r.bytes)} | ${mb(r.peak)} |`);
