// Text the page's fonts may lack. Titles and providers in Latin with diacritics (Vietnamese
// too), Greek, Cyrillic, Chinese, Japanese and Korean are drawn with glyphs of their own:
// Inter has the first ones, and the fallback fonts for the others are fetched only when a
// text needs them, the rare ideographs only after the common ones. A character no font has
// is drawn as a box, never as "?". The text itself stays exact in the log and in the DOM.
// After one visit the fallback fonts work offline. Screenshots land in test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { addDmecCredential, artifacts, browser, click, entryCount, fill, find, open, problems, showActivities, site, until, withStored } from './harness.mjs';
import { chromiumOptions, serve } from './launch.mjs';

// Latin Extended-A is in the fonts every page loads.
const polish = { title: 'Szkolenie z dokumentacji', provider: 'Uniwersytet Medyczny w Łodzi' };
const mixed = { title: 'Zoë Ærø — 東京 연수 Переподготовка', provider: 'Сеченовский университет' };
// Put in the log directly, for the screenshots (typing each costs a minute on a busy machine).
const more = [
  { title: 'Hội thảo Điều dưỡng: quản lý hồ sơ', provider: 'Bệnh viện Chợ Rẫy' },
  { title: 'Σεμινάριο δεοντολογίας', provider: 'Ελληνική Εταιρεία' },
  { title: '医療事務の研修セミナー', provider: '日本医師会' },
];
const box = 0x25A1;
const glyphs = (page, text) => page.evaluate((t) => window.recert.glyphs(t), text);
// The fallback fonts the page fetched, by name without the content hash: "han-common".
const fetchedFonts = (requests) => requests.map((u) => /\/fonts\/([a-z-]+)\.[0-9a-f]{12}\.(ttf|otf)$/.exec(u)?.[1]).filter(Boolean).sort();

async function logActivity(page, a, n) {
  await showActivities(page);
  await click(page, 'add-entry');
  await fill(page, 'entry.title', a.title);
  await fill(page, 'entry.date.text', '2025-06-02');
  await fill(page, 'entry.credits', '1');
  if (a.provider) await fill(page, 'entry.provider', a.provider);
  await click(page, 'entry.save');
  await entryCount(page, n);
}

// Waits until every character of `text` has a glyph of its own in every font of the page.
async function drawn(page, text) {
  try {
    await page.waitForFunction((t) => { const g = window.recert.glyphs(t); return g.missing.length === 0 && !g.atlas.outdated; },
                               text, { timeout: 20000, polling: 100 });
  } catch {
    const g = await glyphs(page, text);
    assert.fail(`not drawn with glyphs of their own: ${g.missing.map((c) => String.fromCodePoint(c)).join(' ')}`);
  }
}

test('names in many scripts are drawn with real glyphs and kept exactly; the fallback fonts come only when needed', { timeout: 480000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await open(context);
  await addDmecCredential(page);
  await logActivity(page, polish, 1);
  await drawn(page, polish.provider);
  assert.deepEqual(fetchedFonts(requests), [], 'a fallback font fetched for Latin-1 and Latin Extended-A');

  await logActivity(page, mixed, 2);
  const log = await page.evaluate(() => window.recert.log());
  assert.deepEqual(log.entries.map((e) => [e.title, e.provider]), [polish, mixed].map((a) => [a.title, a.provider]));

  const all = mixed.title + mixed.provider;
  await drawn(page, all);
  const g = await glyphs(page, all);
  assert.equal(g.fallback, box, 'a missing character would not be drawn as a box');
  // Inter's other Latin, Greek and Cyrillic (both weights), the common ideographs with kana,
  // and Hangul; the rare ideographs are not needed.
  assert.deepEqual(fetchedFonts(requests), ['han-common', 'hangul', 'inter-extra-regular', 'inter-extra-semibold']);
  assert.equal(g.fallbackFonts, 3);

  // The real inputs have the same fallback fonts, for the characters the device may lack.
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Recert fallback' && f.status === 'loaded')
      .map((f) => f.unicodeRange.split(',').map((r) => r.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16))));
  });
  assert.equal(faces.length, g.fallbackFonts, 'the text inputs lack a fallback font the canvas has');
  for (const c of ['東', '연', 'П'].map((ch) => ch.codePointAt(0)))
    assert.ok(faces.some((ranges) => ranges.some(([lo, hi]) => c >= lo && c <= (hi ?? lo))), `no font of the inputs covers U+${c.toString(16)}`);
  // The DOM over the canvas reads the exact text: each row's buttons are named with it.
  for (const e of log.entries) {
    const edit = page.locator(`#semantics [data-id="row.${e.id}.edit"]`);
    assert.equal(await edit.getAttribute('aria-label') ?? await edit.textContent(), `Edit \u201C${e.title}\u201D`);
  }
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(artifacts, 'fonts-typed-desktop.png') });

  // The form shows the title in a real input, exactly as typed.
  await click(page, `row.${log.entries[1].id}.edit`);
  await find(page, 'entry.title');
  assert.equal(await page.locator('#semantics [data-id="entry.title"]').inputValue(), mixed.title);
  assert.equal(await page.locator('#semantics [data-id="entry.provider"]').inputValue(), mixed.provider);
  await page.screenshot({ path: join(artifacts, 'fonts-form-desktop.png') });
  await click(page, 'entry.cancel');

  // A rare ideograph typed into a new activity's title: the next file is fetched, then the
  // glyph drawn.
  await click(page, 'add-entry');
  const rare = 'Wang Xin 王鑫';
  await fill(page, 'entry.title', rare);
  await drawn(page, rare);
  assert.deepEqual(fetchedFonts(requests), ['han-common', 'han-rare', 'hangul', 'inter-extra-regular', 'inter-extra-semibold']);
  assert.equal(await page.locator('#semantics [data-id="entry.title"]').inputValue(), rare);

  // What no font here has (Devanagari, which would also need shaping; an emoji beyond the
  // Basic Multilingual Plane) is drawn as a box, and kept exactly in the log and the DOM.
  const none = 'प्रशिक्षण 🎓 ok?';
  await fill(page, 'entry.title', none);
  await fill(page, 'entry.date.text', '2025-06-02');
  await fill(page, 'entry.credits', '1');
  await click(page, 'entry.save');
  await until(page, (t) => window.recert.log().entries.some((e) => e.title === t), none, 'the title saved');
  const missing = (await glyphs(page, none)).missing;
  const expected = [...'प्रशिक्षण'].map((c) => c.codePointAt(0)).concat([0xFFFD]);  // ImGui reads the emoji as U+FFFD
  assert.deepEqual(missing, expected);
  assert.equal((await glyphs(page, none)).fallback, box);
  assert.equal((await glyphs(page, '?')).missing.length, 0, 'a real "?" has its own glyph');
  const id = (await page.evaluate((t) => window.recert.log().entries.find((e) => e.title === t).id, none));
  await find(page, `row.${id}.edit`);
  const edit = page.locator(`#semantics [data-id="row.${id}.edit"]`);
  assert.equal(await edit.getAttribute('aria-label') ?? await edit.textContent(), `Edit \u201C${none}\u201D`);

  // The table with titles in many scripts, on a desktop in the light theme and on a phone in the
  // dark one at three device pixels to the CSS pixel: the atlas is built for each density
  // with every character of the log.
  const shown = await page.evaluate(() => window.recert.log());
  shown.entries.push(...more.map((a, i) => ({ ...shown.entries[1], id: `more-${i}`, ...a })));
  const every = shown.entries.filter((e) => e.title !== none).map((e) => e.title + e.provider).join('');
  for (const [name, options] of [
    ['desktop', { viewport: { width: 1366, height: 860 }, colorScheme: 'light' }],
    ['phone-dark', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'dark' }],
  ]) {
    const other = await withStored(JSON.stringify(shown), options);
    const p = await open(other);
    await showActivities(p);
    await drawn(p, every);
    await p.waitForTimeout(200);
    await p.screenshot({ path: join(artifacts, `fonts-table-${name}.png`) });
    const { atlas } = await glyphs(p, every);
    console.log(`${name}: the atlas holds ${atlas.glyphs} characters beyond Latin-1 at each of the 4 sizes that draw the log: ` +
                `${atlas.width} x ${atlas.height} pixels, built in ${atlas.lastBuildMs.toFixed(0)} ms`);
    await other.close();
  }
  await context.close();
  assert.deepEqual(problems, []);
});

test('after one visit the fallback fonts draw offline: reload and browser restart with no network', { timeout: 480000 }, async () => {
  const profile = mkdtempSync(join(tmpdir(), 'recert-fonts-'));
  let server = await serve(site);
  const url = `${server.origin}/?test&today=2026-11-26`;
  let context = await chromium.launchPersistentContext(profile, { ...chromiumOptions, viewport: { width: 1280, height: 800 } });
  let page = context.pages()[0] || (await context.newPage());
  await page.goto(url);
  await page.evaluate(() => window.recert.ready);
  // The first visit: the service worker does not control this page yet.
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), false);
  await addDmecCredential(page);
  await logActivity(page, mixed, 1);
  await drawn(page, mixed.title);
  await page.evaluate(() => navigator.serviceWorker.ready);

  await context.setOffline(true);
  await server.stop();
  await page.reload();
  await page.evaluate(() => window.recert.ready);
  await drawn(page, mixed.title);
  await context.close();

  context = await chromium.launchPersistentContext(profile, { ...chromiumOptions, viewport: { width: 1280, height: 800 }, offline: true });
  page = context.pages()[0] || (await context.newPage());
  await page.goto(url);
  await page.evaluate(() => window.recert.ready);
  await drawn(page, mixed.title);
  await context.close();
});
