// Offline, for real: the hosted page after one visit opens and takes entries with no network
// (reload, new page, browser restart); a new deployment is offered and runs only when taken,
// whole, with the log untouched; recert.html works alone from disk; the page is installable;
// the page opened from disk says what to do. Screenshots land in test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { artifacts, browser, click, entryCount, fill, find, root, showActivities, site, until, widgets } from './harness.mjs';
import { chromiumOptions, serve } from './launch.mjs';

const query = '?test&today=2026-11-26';
const viewport = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };
const temp = (what) => mkdtempSync(join(tmpdir(), `recert-${what}-`));

// Every page of a context reports its console errors and uncaught errors here.
function watch(context, problems) {
  const hook = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`${page.url()}: console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`${page.url()}: pageerror: ${e.message}`));
  };
  context.pages().forEach(hook);
  context.on('page', hook);
}

async function start(page, url) {
  await page.goto(url);
  await page.evaluate(() => window.recert.ready);
  return page;
}
// A browser with a profile on disk, as a person's: closing it and launching it again is a restart.
const launchProfile = (dir, options = {}) => chromium.launchPersistentContext(dir, { ...chromiumOptions, viewport, ...options });
// The service worker's state once it is active and done activating (its old caches cleaned).
const swActive = (page) => page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active.state === 'activating'
  ? new Promise((resolve) => r.active.addEventListener('statechange', () => resolve(r.active.state))) : r.active.state));

async function addCredential(page) {
  await click(page, 'add-credential');
  await click(page, 'credential.program');
  await click(page, 'program.namss-cpcs');
  await fill(page, 'credential.certified_on.text', '2023-03-01');
  await click(page, 'credential.save');
  await until(page, () => window.recert.log().credentials.length === 1, undefined, 'the credential saved');
}

async function addEntry(page, title, n) {
  await showActivities(page);
  await click(page, 'add-entry');
  await fill(page, 'entry.title', title);
  await fill(page, 'entry.date.text', '2025-04-02');
  await fill(page, 'entry.credits', '1.5');
  await click(page, 'entry.save');
  await entryCount(page, n);
}

const titles = (page) => page.evaluate(() => window.recert.log().entries.map((e) => e.title).sort());

test('after one visit the page opens with the log and takes entries offline: reload, new page, browser restart', { timeout: 240000 }, async () => {
  const profile = temp('profile');
  let server = await serve(site);
  const url = `${server.origin}/${query}`;
  const problems = [];
  let context = await launchProfile(profile);
  watch(context, problems);
  // Counts the page's calls of navigator.storage.persist (the browser's answer is its own).
  await context.addInitScript(() => {
    window.__persistCalls = 0;
    if (!navigator.storage) return;  // about:blank
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => { window.__persistCalls++; return persist(); };
  });
  const page = await start(context.pages()[0] || (await context.newPage()), url);
  await find(page, 'add-credential');
  assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'storage asked to be kept before anything was saved');
  await addCredential(page);
  // The first credential is what makes the log worth keeping: the page asks then.
  await until(page, () => window.__persistCalls === 1, undefined, 'navigator.storage.persist() after the first credential');
  await addEntry(page, 'Online webinar', 1);
  assert.equal(await swActive(page), 'activated');

  // Settings says what the browser answered, and what to do about it.
  const kept = await page.evaluate(() => navigator.storage.persisted());
  await click(page, 'settings');
  await find(page, kept ? 'settings.storage.persistent' : 'settings.storage.best-effort');
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(artifacts, 'settings-storage.png') });
  await click(page, 'settings.close');

  // No network at all: the browser is offline and the server is gone.
  await context.setOffline(true);
  await server.stop();
  await page.reload();
  await page.evaluate(() => window.recert.ready);
  assert.deepEqual(await titles(page), ['Online webinar']);
  await addEntry(page, 'Logged offline after a reload', 2);
  await page.screenshot({ path: join(artifacts, 'offline-desktop.png') });

  const second = await start(await context.newPage(), url);
  assert.deepEqual(await titles(second), ['Logged offline after a reload', 'Online webinar']);
  await second.setViewportSize(phone);
  await addEntry(second, 'Logged offline in a new tab', 3);
  await second.screenshot({ path: join(artifacts, 'offline-phone.png') });

  // A browser restart, still offline from the first request on.
  await context.close();
  context = await launchProfile(profile, { offline: true });
  watch(context, problems);
  const again = await start(context.pages()[0] || (await context.newPage()), url);
  assert.equal(await again.evaluate(() => !!navigator.serviceWorker.controller), true);
  assert.deepEqual(await titles(again), ['Logged offline after a reload', 'Logged offline in a new tab', 'Online webinar']);
  await addEntry(again, 'Logged offline after a restart', 4);

  // Back online, on the same origin: everything logged offline is there.
  server = await serve(site, server.port);
  await context.setOffline(false);
  await again.reload();
  await again.evaluate(() => window.recert.ready);
  assert.equal((await titles(again)).length, 4);
  assert.ok((await titles(again)).includes('Logged offline after a restart'));
  await context.close();
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
  // Offline, the browser's own update check of sw.js fails; it is not the page's error.
  assert.deepEqual(problems.filter((p) => !/sw\.js|ERR_INTERNET_DISCONNECTED/.test(p)), []);
});

test('a new version is offered, nothing of it runs before the reload, all of it after, and the log stays byte for byte', { timeout: 240000 }, async () => {
  const dir = temp('update');
  const served = join(dir, 'served');
  cpSync(site, served, { recursive: true });
  const server = await serve(served);
  const url = `${server.origin}/${query}`;
  const context = await browser.newContext({ viewport });
  const setup = await context.newPage();
  await setup.goto(`${server.origin}/icon.svg`);  // same origin, does not start the page
  await setup.evaluate((t) => localStorage.setItem('recert-log', t), readFileSync(join(root, 'programs', 'examples', 'namss-cpcs.json'), 'utf8'));
  await setup.close();
  const problems = [];
  watch(context, problems);

  // Version A: first visit, then a visit under its service worker.
  const page = await start(await context.newPage(), url);
  assert.equal(await swActive(page), 'activated');
  await page.reload();
  await page.evaluate(() => window.recert.ready);
  const a = await page.evaluate(() => window.recert.version);
  const stored = () => page.evaluate(() => localStorage.getItem('recert-log'));
  const logText = await stored();
  const requirement = (p) => p.evaluate(() => window.recert.report().credentials[0].requirements.find((r) => r.id === 'total').name);
  assert.equal(await requirement(page), 'Total CE credits');

  // Version B: the same build with one program file changed, packaged the same way, deployed over A.
  const stageB = join(dir, 'stage');
  cpSync(join(root, 'build-web', 'stage'), stageB, { recursive: true });
  const program = join(stageB, 'app', 'programs', 'namss-cpcs.json');
  const changed = readFileSync(program, 'utf8').replace('"name": "Total CE credits"', '"name": "Total CE credits, version B"');
  assert.notEqual(changed, readFileSync(program, 'utf8'));
  writeFileSync(program, changed);
  execFileSync(process.execPath, [join(root, 'scripts', 'package-site.mjs'), '--stage', stageB, '--out', join(dir, 'siteB')], { stdio: 'pipe' });
  for (const f of readdirSync(served)) rmSync(join(served, f), { recursive: true, force: true });
  cpSync(join(dir, 'siteB'), served, { recursive: true });
  const b = readdirSync(join(served, 'v'))[0];
  assert.notEqual(b, a);

  // The browser looks for a new service worker on navigations and the page when it comes
  // back into view; here, at once.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.getByRole('status').filter({ hasText: 'A new version of Recert is ready' });
  await banner.waitFor({ state: 'visible', timeout: 30000 });
  await page.getByRole('button', { name: 'Reload' }).waitFor({ state: 'visible' });
  await page.screenshot({ path: join(artifacts, 'update-banner-desktop.png') });

  // Before the reload: A runs, whole, here and in a page opened now.
  const loaded = (p) => p.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((n) => n.startsWith('/v/')));
  const onlyA = async (p) => {
    assert.equal(await p.evaluate(() => window.recert.version), a);
    assert.equal(await requirement(p), 'Total CE credits');
    const files = await loaded(p);
    assert.ok(files.length >= 8 && files.every((f) => f.startsWith(`/v/${a}/`)), files.join(', '));
  };
  await onlyA(page);
  const other = await start(await context.newPage(), url);
  await other.setViewportSize(phone);
  await onlyA(other);
  await other.getByRole('button', { name: 'Reload' }).waitFor({ state: 'visible', timeout: 30000 });
  await other.screenshot({ path: join(artifacts, 'update-banner-phone.png') });
  // Declining keeps the old version working there.
  await other.getByRole('button', { name: 'Not now' }).click();
  await other.getByRole('status').filter({ hasText: 'A new version' }).waitFor({ state: 'hidden' });
  await other.reload();
  await other.evaluate(() => window.recert.ready);
  await onlyA(other);
  assert.equal(await stored(), logText);

  // Taking it: the page reloads into B, all of it.
  await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.getByRole('button', { name: 'Reload' }).click()]);
  await page.evaluate(() => window.recert.ready);
  assert.equal(await page.evaluate(() => window.recert.version), b);
  assert.equal(await requirement(page), 'Total CE credits, version B');
  const files = await loaded(page);
  assert.ok(files.length >= 8 && files.every((f) => f.startsWith(`/v/${b}/`)), files.join(', '));
  assert.equal(await stored(), logText, 'the stored log changed');
  // A's files are gone from the cache once B is in charge.
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls;
  });
  assert.ok(cached.some((u) => u.startsWith(`/v/${b}/`)));
  assert.deepEqual(cached.filter((u) => u.startsWith(`/v/${a}/`)), []);
  await context.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(problems, []);
});

test('recert.html alone in an empty folder works from file://: a credential and an entry, kept across reload and restart, no request leaves it', { timeout: 240000 }, async () => {
  const dir = temp('single');
  const profile = temp('single-profile');
  cpSync(join(site, 'recert.html'), join(dir, 'recert.html'));
  const file = pathToFileURL(join(dir, 'recert.html')).href;
  const problems = [];
  const requests = [];
  let context = await launchProfile(profile, { acceptDownloads: true });
  watch(context, problems);
  context.on('request', (r) => requests.push(r.url()));
  const page = await start(context.pages()[0] || (await context.newPage()), `${file}${query}`);
  await find(page, 'add-credential');  // the welcome card
  await page.screenshot({ path: join(artifacts, 'single-file-welcome.png') });
  await addCredential(page);
  await addEntry(page, 'Logged from recert.html', 1);
  // Here the Backup menu has no copy to offer: this is it.
  await click(page, 'backup');
  await find(page, 'menu.export-json');
  assert.equal((await widgets(page))['menu.offline-copy'], undefined);
  await page.keyboard.press('Escape');
  await page.reload();
  await page.evaluate(() => window.recert.ready);
  assert.deepEqual(await titles(page), ['Logged from recert.html']);
  await context.close();

  context = await launchProfile(profile);
  watch(context, problems);
  context.on('request', (r) => requests.push(r.url()));
  const again = await start(context.pages()[0] || (await context.newPage()), `${file}${query}`);
  assert.deepEqual(await titles(again), ['Logged from recert.html']);
  assert.equal((await again.evaluate(() => window.recert.log())).credentials[0].program, 'namss-cpcs');
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });

  assert.deepEqual(requests.filter((u) => u !== `${file}${query}` && !/^(data|blob):/.test(u)), []);
  assert.deepEqual(problems, []);
});

test('the hosted page offers recert.html in the Backup menu, and it is the one the site serves', { timeout: 240000 }, async () => {
  const server = await serve(site);
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await start(await context.newPage(), `${server.origin}/${query}`);
  await click(page, 'backup');
  const downloading = page.waitForEvent('download');
  await click(page, 'menu.offline-copy');
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'recert.html');
  assert.ok(readFileSync(await download.path()).equals(readFileSync(join(site, 'recert.html'))));
  await find(page, 'toast');
  await context.close();
  await server.stop();
});

test('Chromium reports the page installable, and the manifest icons exist at the sizes they claim', { timeout: 240000 }, async () => {
  const profile = temp('install-profile');
  const server = await serve(site);
  const context = await launchProfile(profile);
  const page = await start(context.pages()[0] || (await context.newPage()), `${server.origin}/${query}`);
  assert.equal(await swActive(page), 'activated');
  const cdp = await context.newCDPSession(page);
  const { errors, url } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, []);
  assert.equal(url, `${server.origin}/manifest.webmanifest`);
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);

  const manifest = JSON.parse(readFileSync(join(site, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  for (const key of ['name', 'short_name', 'description', 'start_url', 'theme_color', 'background_color']) assert.ok(manifest[key], key);
  const pngSize = (bytes) => {
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
  };
  const icons = [...manifest.icons, { src: 'icons/apple-touch-icon.png', sizes: '180x180', type: 'image/png', purpose: 'any' }];
  for (const icon of icons) {
    const response = await fetch(new URL(icon.src, `${server.origin}/`));
    assert.equal(response.status, 200, icon.src);
    assert.equal(response.headers.get('content-type'), icon.type);
    assert.equal(pngSize(Buffer.from(await response.arrayBuffer())), icon.sizes, icon.src);
  }
  for (const size of ['192x192', '512x512']) {
    for (const purpose of ['any', 'maskable']) assert.ok(manifest.icons.some((i) => i.sizes === size && i.purpose === purpose), `${purpose} ${size}`);
  }
  await context.close();
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
});

test('the server lets browsers keep versioned files for a year and revalidates the rest', { timeout: 240000 }, async () => {
  const server = await serve(site);
  const version = readdirSync(join(site, 'v'))[0];
  const header = async (path) => (await fetch(`${server.origin}${path}`)).headers.get('cache-control');
  for (const path of [`/v/${version}/recert.wasm`, `/v/${version}/boot.js`, `/v/${version}/programs/index.json`]) {
    assert.equal(await header(path), 'public, max-age=31536000, immutable', path);
  }
  for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/recert.html', `/v/${version}/missing.js`]) {
    assert.equal(await header(path), 'no-cache', path);
  }
  await server.stop();
});

test('the page opened from file:// says to open recert.html or serve the folder, and the link works', { timeout: 240000 }, async () => {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  const help = page.getByRole('region', { name: 'Recert cannot start from this file' });
  await help.waitFor({ state: 'visible' });
  assert.match(await help.textContent(), /python3 -m http\.server/);
  assert.equal(await page.isVisible('#error'), false);
  assert.doesNotMatch(await page.textContent('body'), /check the connection/i);
  await page.screenshot({ path: join(artifacts, 'file-help-desktop.png') });
  await page.setViewportSize(phone);
  await page.screenshot({ path: join(artifacts, 'file-help-phone.png') });
  await Promise.all([page.waitForURL(/recert\.html$/), help.getByRole('link', { name: 'Open recert.html' }).click()]);
  await page.evaluate(() => window.recert.ready);
  assert.equal(await page.evaluate(() => document.body.className), '');
  await context.close();
});
