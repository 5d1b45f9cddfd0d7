// Recert on an association's page: one script tag (embed.js), the page's options from the
// URL and site.json, its height in the host's frame, and what never leaves the frame.
// The host is another site, as an association's is: localhost, where the page is 127.0.0.1 (two
// sites to the browser). Playwright answers for it; nothing listens on its port. Chromium takes
// such a made-up page for a public one, which it lets load nothing from this machine (Local
// Network Access), so this file's browser has that check off: the embedded page is on a real host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { origin, site, open, until, shot, problems } from './harness.mjs';
import { chromiumOptions, serve } from './launch.mjs';

let browser;
before(async () => {
  browser = await chromium.launch({ ...chromiumOptions, args: [...chromiumOptions.args, '--disable-features=LocalNetworkAccessChecks'] });
});
after(async () => { await browser?.close(); });

const hostUrl = 'http://localhost:9/requirements';

// An association's requirements page holding the one line of README's "Embedding Recert",
// and logging every message it receives, to show what the page tells its host.
function hostPage(attributes) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CE requirements</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;font:16px sans-serif"><header style="padding:12px 16px;background:#005a9c;color:#fff">
<h1 style="margin:0;font-size:20px">Recertification requirements</h1></header>
<main style="padding:8px 16px"><p>Plan your renewal below. Your log stays in your browser.</p>
<script>window.__messages = []; addEventListener('message', (e) => __messages.push({ origin: e.origin, data: e.data }));</script>
<script src="${origin}/embed.js" ${attributes} async></script>
<p>Questions? Write to the certification office.</p></main></body></html>`;
}

async function hostContext(attributes, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  await context.route('http://localhost:9/**', (route) => route.fulfill({ contentType: 'text/html', body: hostPage(attributes) }));
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(hostUrl);
  await page.waitForSelector('iframe');
  const frame = page.frames().find((f) => f.url().startsWith(origin));
  await frame.waitForFunction(() => window.recert && window.recert.ready.then(() => true), undefined, { timeout: 30000 });
  await frame.evaluate(() => window.recert.ready);
  return { context, page, frame, inside: page.frameLocator('iframe') };
}

const namss = 'data-programs="namss-cpcs,namss-cpmsm" data-program="namss-cpcs" data-org="NAMSS" data-accent="005a9c"';

test('an association embeds Recert in one line: its programs, its name and colour, a frame as tall as the page', async () => {
  const { context, page, frame, inside } = await hostContext(namss);
  // The script tag became a full-width iframe named for the association, the options passed on.
  assert.equal(await page.locator('script[src$="embed.js"]').count(), 0);
  const iframe = page.locator('iframe');
  assert.equal(await iframe.getAttribute('title'), 'Recert for NAMSS: certification renewal planner');
  const src = new URL(await iframe.getAttribute('src'));
  assert.equal(src.searchParams.get('programs'), 'namss-cpcs,namss-cpmsm');
  assert.equal(src.searchParams.get('org'), 'NAMSS');

  const config = await frame.evaluate(() => window.recert.config());
  assert.deepEqual({ org: config.org, accent: config.accent, program: config.program, embed: config.embed, framed: config.framed },
                   { org: 'NAMSS', accent: '005a9c', program: 'namss-cpcs', embed: true, framed: true });
  assert.deepEqual((await frame.evaluate(() => window.recert.programs())).map((p) => p.id).sort(), ['namss-cpcs', 'namss-cpmsm']);
  await inside.getByRole('heading', { level: 1, name: 'Recert for NAMSS' }).waitFor();

  // Told once, plainly, whose storage this is.
  await inside.getByText(/kept in this browser for localhost:9 only/).waitFor();
  // The frame follows the content's height, as the page posts it.
  await until(page, () => __messages.some((m) => m.data && m.data.type === 'recert:height'), undefined, 'a height message');
  const posted = await page.evaluate(() => __messages.filter((m) => m.data.type === 'recert:height').pop().data.height);
  assert.equal(await iframe.evaluate((e) => e.style.height), `${posted}px`);
  assert.ok(posted >= 560 && posted <= 2400, `height ${posted}`);
  await shot(page, 'embed-namss-welcome');

  // The form starts on CPCS and offers only the association's two programs.
  await inside.getByRole('button', { name: /Add your NAMSS CPCS credential/ }).press('Enter');
  const box = inside.getByRole('combobox', { name: 'Credential and program' });
  await box.waitFor();
  assert.match(await box.textContent(), /CPCS/);
  await box.press('Enter');
  await inside.getByRole('listbox').waitFor();
  assert.equal(await inside.getByRole('option').count(), 2);
  await page.keyboard.press('Escape');
  await inside.getByRole('textbox', { name: 'Date you earned or last renewed the credential' }).fill('2024-12-02');
  await inside.getByRole('button', { name: /Save/ }).first().press('Enter');
  await until(frame, () => window.recert.log().credentials.length === 1, undefined, 'the credential saved');
  assert.equal((await frame.evaluate(() => window.recert.log())).credentials[0].program, 'namss-cpcs');
  // The dashboard is taller than the welcome: the frame grows with it.
  await until(page, (h) => __messages.filter((m) => m.data.type === 'recert:height').pop().data.height > h, posted, 'a taller frame');
  await shot(page, 'embed-namss-dashboard');

  // Nothing of the log reached the host: only the two kinds of message, from Recert's origin.
  const messages = await page.evaluate(() => __messages);
  for (const m of messages) {
    assert.equal(m.origin, origin);
    assert.ok(['recert:ready', 'recert:height'].includes(m.data.type), JSON.stringify(m.data));
    assert.deepEqual(Object.keys(m.data).sort(), m.data.type === 'recert:ready' ? ['type'] : ['height', 'type']);
  }
  assert.ok(messages.some((m) => m.data.type === 'recert:ready'));
  assert.doesNotMatch(JSON.stringify(messages), /2024-12-02|namss-cpcs|c1/);
  await context.close();
});

test('inside a frame, Delete all my data needs DELETE typed first', async () => {
  const { context, frame, inside } = await hostContext('data-org="DMEC" data-programs="dmec-clms"');
  await frame.evaluate(() => localStorage.setItem('recert-log', JSON.stringify({
    format: 'recert-log', version: 1,
    credentials: [{ id: 'c1', program: 'dmec-clms', certified_on: '2025-01-15' }], entries: [] })));
  await frame.evaluate(() => location.reload());
  await frame.waitForFunction(() => window.recert && window.recert.ready.then(() => true));
  await until(frame, () => window.recert.log().credentials.length === 1, undefined, 'the stored log');
  await inside.getByRole('button', { name: 'Settings' }).press('Enter');
  await inside.getByRole('button', { name: /Delete all my data/ }).press('Enter');
  const yes = inside.getByRole('button', { name: 'Yes, delete everything' });
  await yes.waitFor();
  assert.equal(await yes.isDisabled(), true, 'a click alone cannot delete');
  await inside.getByRole('textbox', { name: 'To confirm, type DELETE' }).fill('delete');
  await until(frame, () => !document.querySelector('#semantics [data-id="settings.wipe-confirm"]').disabled, undefined, 'the button enabled');
  await yes.press('Enter');
  await until(frame, () => window.recert.log().credentials.length === 0, undefined, 'everything deleted');
  await context.close();
});

test('a data-height fixes the frame\'s height, whatever the page posts', async () => {
  const { context, page } = await hostContext('data-height="640"');
  await page.waitForTimeout(1500);  // heights posted meanwhile are ignored
  assert.equal(await page.locator('iframe').evaluate((e) => e.style.height), '640px');
  assert.equal(await page.locator('iframe').getAttribute('title'), 'Recert: certification renewal planner');
  await context.close();
});

test('a host\'s own copy: site.json\'s options, the URL winning, bad values warned of and ignored, a logo of its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recert-site-'));
  cpSync(site, dir, { recursive: true });
  writeFileSync(join(dir, 'site.json'), JSON.stringify({ org: 'DMEC', programs: 'dmec-clms', accent: 'teal', colour: '#005a9c', logo: 'brand/logo.svg' }));
  mkdirSync(join(dir, 'brand'));
  cpSync(join(site, 'icon.svg'), join(dir, 'brand', 'logo.svg'));
  const server = await serve(dir);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const warnings = [];
    context.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    const page = await open(context, `${server.origin}/?test&today=2026-11-26&org=DMEC%20members`);
    const config = await page.evaluate(() => window.recert.config());
    assert.equal(config.org, 'DMEC members');  // the URL's
    assert.deepEqual(config.programs, ['dmec-clms']);  // site.json's
    assert.equal(config.accent, '');
    assert.equal(config.embed, false);
    assert.equal(config.framed, false);
    assert.ok(warnings.some((w) => /site\.json: accent: "teal" is not a hex colour/.test(w)), warnings.join('\n'));
    assert.ok(warnings.some((w) => /site\.json: "colour" is not an option/.test(w)), warnings.join('\n'));
    await page.getByRole('heading', { level: 1, name: 'Recert for DMEC members' }).waitFor();
    await page.getByRole('img', { name: 'DMEC members logo' }).waitFor();
    assert.match(await page.getByText(/Works for/).first().textContent(), /Works for DMEC CLMS\./);
    // Not in a frame: no storage notice, and Delete all asks as it always has.
    assert.equal(await page.getByText(/kept in this browser for/).count(), 0);
    await shot(page, 'site-json-dmec');
    await context.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('phone and dark: the embedded page reads in a narrow frame', async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, page, inside } = await hostContext(namss, {
      viewport: { width: 390, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: scheme });
    await inside.getByRole('heading', { level: 1, name: 'Recert for NAMSS' }).waitFor();
    await shot(page, `embed-namss-phone-${scheme}`);
    await context.close();
  }
  assert.deepEqual(problems, []);
});
