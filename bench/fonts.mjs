// The fallback fonts' figures (scripts/bench fonts): in headless Chromium, a log whose titles
// hold N distinct common ideographs (GB 2312 level 1, the first N), at 1 and 3 device pixels
// to the CSS pixel: the atlas texture's size and the time to rebuild it once the fonts have
// come (the page rebuilds it when a text brings new characters), against the same page with
// a log in plain English; and the bytes of fallback fonts fetched. Prints a Markdown table.
// Needs build-web/site (scripts/build-web).
//
//   node bench/fonts.mjs [--site DIR] [--chars N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { benchArgs, root } from './args.mjs';
import { chromiumOptions, serve } from '../tests/web/launch.mjs';

const { site, chars } = benchArgs('fonts.mjs', { chars: 200 });

// The first `n` ideographs of GB 2312 level 1 (rows 0xB0 to 0xD7), decoded by the GBK decoder.
function ideographs(n) {
  const out = [];
  const gbk = new TextDecoder('gbk');
  for (let row = 0xB0; row <= 0xD7 && out.length < n; row++)
    for (let cell = 0xA1; cell <= 0xFE && out.length < n; cell++) out.push(gbk.decode(new Uint8Array([row, cell])));
  return out;
}

// The DMEC example log, its titles replaced by groups of ten of the characters.
function logWith(text) {
  const log = JSON.parse(readFileSync(join(root, 'programs', 'examples', 'dmec-clms.json'), 'utf8'));
  const groups = [];
  for (let i = 0; i < text.length; i += 10) groups.push(text.slice(i, i + 10).join(''));
  log.entries = groups.map((title, i) => ({ ...log.entries[i % log.entries.length], id: `b${i}`, title }));
  return JSON.stringify(log);
}

const server = await serve(site);
const browser = await chromium.launch(chromiumOptions);
const rows = [];
try {
  const cjk = ideographs(chars);
  for (const dpr of [1, 3]) {
    for (const [what, text] of [['plain English', []], [`${cjk.length} ideographs`, cjk]]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: dpr });
      const fetched = [];
      context.on('response', async (r) => {
        if (/\/fonts\/[a-z-]+\.[0-9a-f]{12}\.(ttf|otf)$/.test(r.url())) fetched.push((await r.body()).length);
      });
      const setup = await context.newPage();
      await setup.goto(`${server.origin}/programs/index.json`);
      await setup.evaluate((t) => localStorage.setItem('recert-log', t), logWith(text));
      await setup.close();
      const page = await context.newPage();
      await page.goto(`${server.origin}/?test&today=2026-11-26`);
      await page.evaluate(() => window.recert.ready);
      const all = text.join('');
      await page.waitForFunction((t) => { const g = window.recert.glyphs(t); return g.missing.length === 0 && !g.atlas.outdated && g.atlas.builds > 0; },
                                 all, { timeout: 120000, polling: 100 });
      const { atlas } = await page.evaluate((t) => window.recert.glyphs(t), all);
      rows.push({ dpr, what, ...atlas, fetched: fetched.reduce((a, b) => a + b, 0) });
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}

console.log(`Fallback fonts and the atlas (${new Date().toISOString().slice(0, 10)}, headless Chromium, SwiftShader)\n`);
console.log('| device pixels | log | characters beyond Latin-1 | atlas, pixels | atlas, MB as RGBA | last rebuild, ms | fallback fonts fetched, bytes |');
console.log('|---:|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.dpr} | ${r.what} | ${r.glyphs} | ${r.width} x ${r.height} | ${(r.width * r.height * 4 / 1048576).toFixed(1)} | ` +
              `${r.lastBuildMs.toFixed(0)} | ${r.fetched.toLocaleString('en')} |`);
}
