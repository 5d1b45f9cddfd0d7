// The page in a real browser: a new user sets up a NAMSS CPCS credential, logs six
// activities with the mouse and keyboard, sees the figures, reloads, and moves data
// out and back in. Screenshots of each screen land in test-artifacts/ to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, browser, click, entryCount, fill, find, importFile, open, port, problems, root, shot, until } from './harness.mjs';

const activities = [
  { title: 'NAMSS Webinar: Credentialing Basics', date: '2023-05-10', credits: '1.5', approved: true },
  { title: 'NAMSS 48th Educational Conference', date: '2024-09-15', credits: '6', approved: true, kind: 'Conference' },
  { title: 'Employer compliance training', date: '2024-02-01', credits: '2' },
  { title: 'Podcast quiz: delegated credentialing', date: '2025-01-10', credits: '1' },
  { title: 'State association seminar', date: '2025-06-20', credits: '3.5' },
  { title: 'Leadership workshop', date: '2026-03-03', credits: '2' },
];

const requirement = (report, id) => report.credentials[0].requirements.find((r) => r.id === id);

test('a new user sets up NAMSS CPCS, logs six activities, reloads, exports and imports', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, acceptDownloads: true });
  const page = await open(context);
  await shot(page, '01-welcome');

  // Add the credential.
  await click(page, 'add-credential');
  await click(page, 'credential.program');
  await click(page, 'program.namss-cpcs');
  await fill(page, 'credential.certified_on.text', '2023-03-01');
  await shot(page, '02-credential-form');
  await click(page, 'credential.save');
  await until(page, () => window.recert.report().credentials.length === 1, undefined, 'the credential');
  let report = await page.evaluate(() => window.recert.report());
  assert.equal(report.credentials.length, 1);
  assert.equal(report.credentials[0].program, 'namss-cpcs');
  assert.deepEqual(report.credentials[0].cycle, { start: '2023-03-01', end: '2026-12-01' });
  assert.equal(report.credentials[0].phase, 'window_open');

  // A bad date is named next to the field and nothing is saved.
  await click(page, 'add-entry');
  await fill(page, 'entry.title', 'Typo test');
  await fill(page, 'entry.date.text', '2025-02-30');
  await shot(page, '03-entry-form-error');
  await click(page, 'entry.save');
  assert.equal((await page.evaluate(() => window.recert.log())).entries.length, 0);
  // Cancel on a form with typing in it asks first; discarding closes it unsaved.
  await click(page, 'entry.cancel');
  await click(page, 'discard.yes');
  await until(page, () => !document.querySelector('[role="dialog"]'), undefined, 'the form discarded');
  assert.equal((await page.evaluate(() => window.recert.log())).entries.length, 0);

  for (const [i, a] of activities.entries()) {
    await click(page, 'add-entry');
    if (i === 0) {
      // Keyboard only: the form opens with the title focused, Tab moves on to the date.
      await until(page, () => document.activeElement?.dataset?.id === 'entry.title', undefined, 'the title focused');
      await page.keyboard.type(a.title, { delay: 5 });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(a.date, { delay: 5 });
    } else if (i === 1) {
      // Text put in at once, as a paste, dictation or an IME does, lands in the real input.
      await click(page, 'entry.title');
      await page.keyboard.insertText(a.title);
      await fill(page, 'entry.date.text', a.date);
    } else {
      await fill(page, 'entry.title', a.title);
      await fill(page, 'entry.date.text', a.date);
    }
    if (a.title === activities[5].title) {
      // Enter right after the last keystroke sends the form with it, as a web form does.
      await click(page, 'entry.credits');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(a.credits);
      await page.keyboard.press('Enter');
    } else {
      await fill(page, 'entry.credits', a.credits);
      if (a.approved) await click(page, 'entry.approved');
      await click(page, 'entry.save');
    }
    await entryCount(page, i + 1);
  }
  const log = await page.evaluate(() => window.recert.log());
  assert.equal(log.entries.length, 6);
  assert.deepEqual(log.entries.map((e) => [e.title, e.date]), activities.map((a) => [a.title, a.date]));
  assert.equal(log.entries.filter((e) => e.approved).length, 2);
  report = await page.evaluate(() => window.recert.report());
  assert.equal(requirement(report, 'total').earned, 16);
  assert.equal(requirement(report, 'total').remaining, 14);
  assert.equal(requirement(report, 'approved').earned, 7.5);
  assert.equal(requirement(report, 'approved').remaining, 7.5);
  assert.ok(report.credentials[0].deadlines.some((d) => d.id === 'due' && d.date === '2026-12-01'));
  await shot(page, '04-dashboard');

  // Reload: everything is still there.
  await page.reload();
  await page.evaluate(() => window.recert.ready);
  await find(page, 'requirement.total');
  const again = await page.evaluate(() => window.recert.report());
  assert.deepEqual(requirement(again, 'total'), requirement(report, 'total'));
  assert.equal((await page.evaluate(() => window.recert.log())).entries.length, 6);

  // Delete one, then undo.
  const first = (await page.evaluate(() => window.recert.log())).entries[0].id;
  await click(page, `row.${first}.delete`);
  await entryCount(page, 5);
  await shot(page, '05-deleted-with-undo');
  await click(page, 'undo');
  await entryCount(page, 6);
  // Undone, it can be redone, from the message or with the keys any editor uses.
  await click(page, 'redo');
  await entryCount(page, 5);
  await page.keyboard.press('Control+z');
  await entryCount(page, 6);
  await page.keyboard.press('Control+Shift+z');
  await entryCount(page, 5);
  await page.keyboard.press('Control+y');  // nothing left to redo
  await page.keyboard.press('Control+z');
  await entryCount(page, 6);

  // Export the backup.
  await click(page, 'backup');
  const downloading = page.waitForEvent('download');
  await click(page, 'menu.export-json');
  const download = await downloading;
  const backupPath = join(artifacts, 'backup.json');
  await download.saveAs(backupPath);
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  assert.equal(backup.format, 'recert-log');
  assert.equal(backup.entries.length, 6);
  assert.equal(backup.credentials[0].certified_on, '2023-03-01');

  // Import a CSV: the preview lists the bad row, nothing changes until confirmed.
  const csvPath = join(artifacts, 'import.csv');
  writeFileSync(csvPath, 'title,date,kind,credits,approved\nSynergy quiz,2025-08-01,recording,1,yes\nBroken,2025-13-01,course,1,\n');
  await importFile(page, csvPath);
  await find(page, 'import.confirm');
  await shot(page, '06-import-preview');
  assert.equal((await page.evaluate(() => window.recert.log())).entries.length, 6);
  await click(page, 'import.confirm');
  await entryCount(page, 7);
  // One new activity is one (it said "1 new activities"); the toast is read out in #announce.
  await until(page, () => document.getElementById('announce').textContent === 'Imported 1 new activity (0 already here).', undefined,
    'the import toast in the singular');
  report = await page.evaluate(() => window.recert.report());
  assert.equal(requirement(report, 'approved').earned, 8.5);
  await context.close();
});

test('on a phone, a tap presses where the finger lands and a swipe scrolls', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const setup = await context.newPage();
  await setup.goto(`http://127.0.0.1:${port}/programs/index.json`);
  await setup.evaluate((t) => localStorage.setItem('recert-log', t), readFileSync(join(root, 'programs', 'examples', 'ala-clm-recert.json'), 'utf8'));
  await setup.close();
  const page = await open(context);
  const before = await find(page, 'requirement.hr');
  await shot(page, '08-phone');
  // Swipe up on the dashboard through the DevTools protocol's touch events.
  const cdp = await context.newCDPSession(page);
  const touchAt = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 200, y }] });
  await touchAt('touchStart', 700);
  for (let y = 690; y >= 300; y -= 30) await touchAt('touchMove', y);
  await touchAt('touchEnd', 300);
  await until(page, (y0) => { const w = window.recert.widgets()['requirement.hr']; return !w || w.y < y0 - 100; }, before.y, 'the dashboard to scroll');
  // A tap on a tab opens it.
  const tab = await find(page, 'tab.activities');
  await page.touchscreen.tap(tab.x + tab.w / 2, tab.y + tab.h / 2);
  await find(page, 'add-entry');
  await shot(page, '09-phone-activities');
  await context.close();
});

test('settings: the dark theme and text size survive a reload; delete-all asks first, then clears everything', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const setup = await context.newPage();
  await setup.goto(`http://127.0.0.1:${port}/programs/index.json`);
  await setup.evaluate((t) => localStorage.setItem('recert-log', t), readFileSync(join(root, 'programs', 'examples', 'dmec-clms.json'), 'utf8'));
  await setup.close();
  const page = await open(context);
  await click(page, 'settings');
  await click(page, 'settings.dark');
  await click(page, 'settings.size.Large');
  await until(page, () => JSON.parse(localStorage.getItem('recert-settings') || '{}').theme === 2, undefined, 'the theme saved');
  await shot(page, '15-settings-dark-large');
  await click(page, 'settings.close');
  await page.reload();
  await page.evaluate(() => window.recert.ready);
  const settings = JSON.parse(await page.evaluate(() => localStorage.getItem('recert-settings')));
  assert.equal(settings.theme, 2);
  assert.equal(settings.text_percent, 115);
  await shot(page, '16-dashboard-dark-large');
  await click(page, 'settings');
  await click(page, 'settings.wipe');
  assert.ok((await page.evaluate(() => window.recert.log())).entries.length > 0, 'nothing deleted before confirming');
  await click(page, 'settings.wipe-confirm');
  await until(page, () => window.recert.log().entries.length === 0 && localStorage.getItem('recert-log') === null, undefined, 'everything deleted');
  await context.close();
});

test('the page makes no request to another origin and logs no error', async () => {
  const context = await browser.newContext();
  const foreign = [];
  context.on('request', (r) => { if (!r.url().startsWith(`http://127.0.0.1:${port}/`) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  const page = await open(context);
  await find(page, 'add-credential');
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
  await context.close();
});
