// Never lose a certificant's log: what is stored survives garbage, full or blocked
// storage, two tabs, reloads and failed imports, and the page talks to no one else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDmecCredential, artifacts, browser, click, entryCount, find, importFile, open, origin, problems, root, shot, until, withStored } from './harness.mjs';

const example = readFileSync(join(root, 'programs', 'examples', 'namss-cpcs.json'), 'utf8');
const pageUrl = () => `${origin}/?test&today=2026-11-26`;
const stored = (page) => page.evaluate(() => localStorage.getItem('recert-log'));
const memory = (page) => page.evaluate(() => window.recert.log());
// Ids of the activities whose rows are on screen, top to bottom, once a frame drawn
// after the given deletions shows none of them.
async function visibleRows(page, gone = []) {
  await find(page, 'add-entry');
  for (let tries = 0; ; ++tries) {
    const w = await page.evaluate(() => window.recert.widgets());
    const rows = Object.entries(w).filter(([k]) => k.startsWith('row.') && k.endsWith('.delete'))
      .sort((x, y) => x[1].y - y[1].y).map(([k]) => k.slice(4, -7));
    if (!rows.some((id) => gone.includes(id))) return rows;
    if (tries > 200) throw new Error(`rows still show ${gone}`);
    await page.waitForTimeout(50);
  }
}


for (const [name, text] of [
  ['garbage', 'not json at all {'],
  ['a truncated document', example.slice(0, example.length / 2)],
]) {
  test(`${name} in storage is kept aside untouched, named, and offered for download`, async () => {
    const context = await withStored(text);
    const page = await open(context, pageUrl());
    await find(page, 'notice');
    assert.equal(await page.evaluate(() => localStorage.getItem('recert-log.unreadable')), text);
    assert.equal(await stored(page), null);
    assert.equal((await memory(page)).entries.length, 0);
    const downloading = page.waitForEvent('download');
    await click(page, 'kept.0.download');
    const file = join(artifacts, 'recovered.json');
    await (await downloading).saveAs(file);
    assert.equal(readFileSync(file, 'utf8'), text);
    // Starting afresh writes the new log under the usual key; the kept text stays as it was.
    await click(page, 'add-credential');
    await click(page, 'credential.program');
    await click(page, 'program.dmec-clms');
    await click(page, 'credential.certified_on.text');
    await page.keyboard.type('2025-01-15');
    await click(page, 'credential.save');
    await until(page, () => localStorage.getItem('recert-log') !== null, undefined, 'the new log saved');
    assert.equal(await page.evaluate(() => localStorage.getItem('recert-log.unreadable')), text);
    await context.close();
  });
}

test('a log from a newer version stays where it is, untouched: the page says so and saves nothing over it', async () => {
  const text = example.replace('"version": 1', '"version": 7');
  const context = await withStored(text);
  const page = await open(context, pageUrl());
  await find(page, 'notice');
  await find(page, 'reload');
  await shot(page, '10-newer-version-kept');
  await addDmecCredential(page);
  await until(page, () => window.recert.log().credentials.length === 1, undefined, 'the credential in memory');
  await find(page, 'download-unsaved');
  assert.equal(await stored(page), text);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('recert-log'))), ['recert-log']);
  await context.close();
});

test('a full store: the person is told, nothing is lost, export works, the next good write saves everything', async () => {
  const context = await withStored(example);
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  });
  const page = await open(context, pageUrl());
  const before = await memory(page);
  const rows = await visibleRows(page);
  await page.evaluate(() => { window.__full = true; });
  const victim = rows[2];
  await click(page, `row.${victim}.delete`);
  await find(page, 'notice');
  await shot(page, '11-storage-full');
  await entryCount(page, before.entries.length - 1);
  assert.equal(JSON.parse(await stored(page)).entries.length, before.entries.length, 'storage still holds the last good save');
  // Export still works from memory.
  await click(page, 'backup');
  const downloading = page.waitForEvent('download');
  await click(page, 'menu.export-json');
  const file = join(artifacts, 'backup-while-full.json');
  await (await downloading).saveAs(file);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).entries.length, before.entries.length - 1);
  // Space again: the next change saves the whole log, including the one that failed.
  await page.evaluate(() => { window.__full = false; });
  const second = (await visibleRows(page, [victim]))[2];
  await click(page, `row.${second}.delete`);
  await until(page, (n) => JSON.parse(localStorage.getItem('recert-log')).entries.length === n, before.entries.length - 2, 'the full save');
  const saved = JSON.parse(await stored(page));
  assert.ok(!saved.entries.some((e) => e.id === victim || e.id === second));
  await until(page, () => !window.recert.widgets().notice, undefined, 'the notice to go');
  await context.close();
});

test('blocked storage: the page still starts and works in memory, and says so', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const page = await open(context, pageUrl());
  await find(page, 'notice');
  await click(page, 'add-credential');
  await click(page, 'credential.program');
  await click(page, 'program.namss-cpcs');
  await click(page, 'credential.certified_on.text');
  await page.keyboard.type('2023-03-01');
  await click(page, 'credential.save');
  await until(page, () => window.recert.log().credentials.length === 1, undefined, 'the credential in memory');
  await shot(page, '12-storage-blocked');
  await context.close();
});

test('two tabs: an edit in one appears in the other, and neither overwrites the other', async () => {
  const context = await withStored(example);
  const a = await open(context, pageUrl());
  const b = await open(context, pageUrl());
  const start = (await memory(a)).entries;
  const inStore = (page, id) => until(page, (x) => !JSON.parse(localStorage.getItem('recert-log')).entries.some((e) => e.id === x), id, `${id} deleted in storage`);
  // Each tab is brought to the front before a person clicks in it: a tab behind draws no frames.
  await a.bringToFront();
  const first = (await visibleRows(a))[0];
  await click(a, `row.${first}.delete`);
  await inStore(a, first);
  await until(b, (id) => !window.recert.log().entries.some((e) => e.id === id), first, 'tab B to see the delete');
  // Tab B misses the next storage event (as when both change at once) and edits from its stale view.
  await b.evaluate(() => { Module._recert_storage_changed = () => {}; });
  const second = (await visibleRows(a, [first]))[0];
  await click(a, `row.${second}.delete`);
  await inStore(a, second);
  assert.ok((await memory(b)).entries.some((e) => e.id === second), 'B has not heard of the second delete');
  const third = (await visibleRows(b, [first])).find((id) => id !== second);
  await b.bringToFront();
  await click(b, `row.${third}.delete`);
  await inStore(b, third);
  const ids = JSON.parse(await stored(b)).entries.map((e) => e.id);
  assert.equal(ids.length, start.length - 3);
  for (const gone of [first, second, third]) assert.ok(!ids.includes(gone), `${gone} stays deleted`);
  await until(a, (n) => window.recert.log().entries.length === n, start.length - 3, 'tab A to see B\'s delete');
  await context.close();
});

test('a reload right after an edit loses nothing; a failed import changes nothing', async () => {
  const context = await withStored(example);
  const page = await open(context, pageUrl());
  const start = (await memory(page)).entries;
  await click(page, `row.${(await visibleRows(page))[0]}.delete`);
  await page.reload();
  await page.evaluate(() => window.recert.ready);
  assert.equal((await memory(page)).entries.length, start.length - 1);
  const before = await stored(page);
  const bad = join(artifacts, 'broken.json');
  writeFileSync(bad, '{"format": "recert-log", "version": 1, "entries": [{"id": "x", "title": "t", "date": "2025-02-30"');
  await importFile(page, bad);
  await find(page, 'import.problem');
  await shot(page, '13-import-refused');
  await click(page, 'import.close');
  assert.equal(await stored(page), before);
  assert.equal((await memory(page)).entries.length, start.length - 1);
  await context.close();
});

test('the Content-Security-Policy allows only the page\'s own origin and no inline or eval; a bad ?today is ignored', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();  // not open(): the blocked inline script logs a CSP error on purpose
  const response = await page.goto(`${origin}/?today=2025-02-30`);
  const header = response.headers()['content-security-policy'];
  const meta = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  for (const policy of [header, meta]) {
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|\*|https?:/);
  }
  await page.evaluate(() => window.recert.ready);
  const inline = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.appendChild(s);
  }));
  assert.match(inline, /script-src/);
  assert.equal(await page.evaluate(() => window.__inline), undefined);
  // The impossible date was ignored: the page runs on today's date.
  const today = new Date();
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  assert.equal((await page.evaluate(() => window.recert.report())).as_of, iso);
  await context.close();
});

test('a 50 MB import is refused with a reason and changes nothing', async () => {
  const context = await withStored(example);
  const page = await open(context, pageUrl());
  const before = await stored(page);
  const huge = join(artifacts, 'huge.csv');
  const row = 'Padding webinar,2025-01-01,live_webinar,1,,' + 'x'.repeat(200) + '\n';
  writeFileSync(huge, 'title,date,kind,credits,approved,notes\n' + row.repeat(Math.ceil(50e6 / row.length)));
  await importFile(page, huge);
  await find(page, 'import.problem', 60000);
  await click(page, 'import.close');
  assert.equal(await stored(page), before);
  unlinkSync(huge);
  await context.close();
});

test('a broken program file is named in a banner and the other programs still work', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route('**/programs/dmec-clms.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"format": "recert-program", "version": 1, "id": "dmec-clms", "cycle": {"type": "rolling"}}' }));
  const page = await open(context, pageUrl());
  await find(page, 'notice');
  await shot(page, '14-broken-program');
  await click(page, 'add-credential');
  await click(page, 'credential.program');
  await find(page, 'program.namss-cpcs');
  assert.equal((await page.evaluate(() => window.recert.widgets()))['program.dmec-clms'], undefined);
  await context.close();
});

test('no console errors in any of the above', () => {
  assert.deepEqual(problems, []);
});
