// What the browser tests share: the built site served on a free port, one headless
// Chromium, and a person's actions on the canvas (click, type) by widget name.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumOptions, root, serve, storeCertificates } from './launch.mjs';

export { root };
export const site = process.env.RECERT_SITE || join(root, 'build-web', 'site');
export const artifacts = join(root, 'test-artifacts');
// Set once the server listens on a port the system chose (test files run side by side).
export let port, origin, base;

let server;
export let browser;
export const problems = [];  // console errors and page errors, from every page

before(async () => {
  assert.ok(existsSync(join(site, 'index.html')), `no built site at ${site}: run scripts/build-web`);
  mkdirSync(artifacts, { recursive: true });
  server = await serve(site);
  ({ port, origin } = server);
  base = `${origin}/?test&today=2026-11-26`;
  browser = await chromium.launch(chromiumOptions);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

export async function open(context, url) {
  url = url || base;
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.evaluate(() => window.recert.ready);
  return page;
}

export const widgets = (page) => page.evaluate(() => window.recert.widgets());

// Waits until the named widget is on screen and returns its rectangle (CSS pixels).
export async function find(page, name, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const w = (await widgets(page))[name];
    if (w) return w;
    if (Date.now() > end) throw new Error(`widget ${name} never appeared; on screen: ${Object.keys(await widgets(page)).join(', ')}`);
    await page.waitForTimeout(50);
  }
}

// Shows the activities: on a wide screen they are beside the dashboard, on a narrow one under
// their tab. Waits for the layout first: a page just opened or resized has not drawn it yet.
export async function showActivities(page) {
  await until(page, () => { const w = window.recert.widgets(); return !!(w['add-entry'] || w['tab.activities']); }, undefined, 'the activities or their tab');
  if (!(await widgets(page))['add-entry']) await click(page, 'tab.activities');
  await find(page, 'add-entry');
}

// A person's click: press, a short pause, release (ImGui reads one edge per frame). Aimed
// once the widget has stopped moving: a dialog just opened finds its height, and recentres,
// over its first frames, and frames come slower on a loaded machine.
export async function click(page, name) {
  let r = await find(page, name);
  for (let tries = 0, still = 0; tries < 40 && still < 2; ++tries) {
    await page.waitForTimeout(40);
    const now = await find(page, name);
    still = now.x === r.x && now.y === r.y && now.w === r.w && now.h === r.h ? still + 1 : 0;
    r = now;
  }
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.down();
  await page.waitForTimeout(60);
  await page.mouse.up();
  await page.waitForTimeout(120);
}

// A finger's tap on a semantic element, as a phone makes it: once the element stops moving (a
// tab or dialog just shown settles over a few frames), a touch held 250 ms where it is, as a
// finger rests on the glass for many frames. `cdp`: the page's CDP session.
export async function fingerTap(page, cdp, locator) {
  let box = await locator.boundingBox();
  for (let still = 0, tries = 0; still < 2 && tries < 40; ++tries) {
    await page.waitForTimeout(40);
    const now = await locator.boundingBox();
    still = now && box && now.x === box.x && now.y === box.y && now.width === box.width && now.height === box.height ? still + 1 : 0;
    box = now;
  }
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await page.waitForTimeout(250);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

export async function fill(page, name, text) {
  await click(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 5 });
  await page.waitForTimeout(60);
}

// Polls a condition in the page: frames run on their own schedule, so state is awaited, not assumed.
export async function until(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, arg, { timeout: 20000, polling: 50 });
  } catch (e) {
    throw new Error(`timed out waiting for ${what || fn}`);
  }
}
export const entryCount = (page, n) => until(page, (k) => window.recert.log().entries.length === k, n, `${n} entries`);

export async function shot(page, name) {
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}


// A context whose storage already holds `text` under the log's key, set from a page of the
// same origin that does not start the app (which would read the store first).
export async function withStored(text, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options });
  const setup = await context.newPage();
  await setup.goto(`${origin}/programs/index.json`);
  await setup.evaluate((t) => localStorage.setItem('recert-log', t), text);
  await setup.close();
  return context;
}

// The same, and in IndexedDB each certificate's bytes under its hash, as the entry form keeps
// them (platform_certificates.js). `certificates`: [type, bytes] pairs.
export async function withCertificates(text, certificates, options = {}) {
  const context = await withStored(text, options);
  await storeCertificates(context, origin, certificates);
  return context;
}

// Backup menu, Import, and the file chosen in the picker.
export async function importFile(page, file) {
  await click(page, 'backup');
  const choosing = page.waitForEvent('filechooser');
  await click(page, 'menu.import');
  await (await choosing).setFiles(file);
}

// The add-credential form filled for DMEC CLMS certified on `day`, and saved.
export async function addDmecCredential(page, day = '2025-01-15') {
  await click(page, 'add-credential');
  await click(page, 'credential.program');
  await click(page, 'program.dmec-clms');
  await click(page, 'credential.certified_on.text');
  await page.keyboard.type(day);
  await click(page, 'credential.save');
}
