// The steps besides credits and the dates in a calendar, as a person meets them: DMEC's
// recertification exam ticked from the keyboard with its day, kept over a reload, and the
// credential's dates downloaded as an .ics file read back by a real parser (ical.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { origin, open, shot, click, until, problems, withStored, browser } from './harness.mjs';

// DMEC CLMS certified 2025-02-10: its cycle runs to 2027-02-10, and 20 CEUs are all it needs.
const log = {
  format: 'recert-log', version: 1,
  credentials: [{ id: 'c1', program: 'dmec-clms', certified_on: '2025-02-10', options: {} }],
  entries: [{ id: 'e1', title: 'FMLA and ADA day', date: '2025-06-01', credits: '20', kind: 'conference', topics: ['fmla'] }],
};
const url = () => `${origin}/?test&today=2026-11-26`;
const stored = (page) => page.evaluate(() => window.recert.log());

test('DMEC: credits met, the exam still open; ticked with its day, it stays ticked after a reload', async () => {
  const context = await withStored(JSON.stringify(log));
  let page = await open(context, url());
  const exam = page.getByRole('checkbox', { name: 'Pass the recertification exam', exact: true });
  await exam.waitFor();
  assert.equal(await exam.getAttribute('aria-checked'), 'false');
  await page.getByText('Credits met. Left: pass the recertification exam.', { exact: true }).waitFor();
  // Never "requirements met" while the exam is open.
  assert.match(await page.getByRole('status').first().textContent(), /On track: CEUs met/);
  await shot(page, 'steps-dmec-open-desktop-light');

  await exam.focus();
  await page.keyboard.press('Space');
  const dialog = page.getByRole('dialog', { name: 'Pass the recertification exam' });
  await dialog.waitFor();
  const day = dialog.getByRole('textbox', { name: 'Done on', exact: true });
  await until(page, () => document.activeElement?.getAttribute('aria-label') === 'Done on', undefined, 'focus on Done on');
  assert.equal(await day.inputValue(), '2026-11-26');  // today, to start with
  // A day ahead is refused, with the reason under the field; nothing is saved.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2026-12-24');
  await page.keyboard.press('Enter');
  await dialog.getByText('This date is in the future: tick the step once it is done').waitFor();
  assert.equal(await day.getAttribute('aria-invalid'), 'true');
  assert.equal((await stored(page)).credentials[0].steps, undefined);
  await shot(page, 'steps-dmec-future-refused');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2026-10-01');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual((await stored(page)).credentials[0].steps, { exam: '2026-10-01' });
  await until(page, () => document.querySelector('[role="checkbox"]')?.getAttribute('aria-checked') === 'true', undefined, 'the exam ticked');
  await page.getByText('Credits met and every step done.', { exact: true }).waitFor();
  await page.getByText('Done Oct 1, 2026', { exact: true }).waitFor();
  assert.match(await page.getByRole('status').first().textContent(), /On track: requirements met/);

  await page.close();
  page = await open(context, url());
  const again = page.getByRole('checkbox', { name: 'Pass the recertification exam', exact: true });
  await again.waitFor();
  assert.equal(await again.getAttribute('aria-checked'), 'true');
  await shot(page, 'steps-dmec-done-desktop-light');
  // Unticked with the mouse on the canvas: the day is forgotten, and Undo brings it back.
  await click(page, 'step.exam');
  await until(page, () => !window.recert.log().credentials[0].steps, undefined, 'the exam unticked');
  await page.keyboard.press('Control+Z');
  await until(page, () => window.recert.log().credentials[0].steps?.exam === '2026-10-01', undefined, 'the exam back');
  await context.close();
  assert.deepEqual(problems, []);
});

test('Add to calendar: the dates of the dashboard, as all-day events with reminders, in an .ics file', async () => {
  const context = await withStored(JSON.stringify(log));
  const page = await open(context, url());
  const button = page.getByRole('button', { name: 'Add to calendar', exact: true });
  await button.waitFor();
  const downloading = page.waitForEvent('download');
  await button.press('Enter');
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'recert-dates-dmec-clms.ics');
  const text = readFileSync(await download.path(), 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const deadlines = await page.evaluate(() => window.recert.report().credentials[0].deadlines);
  const main = events.filter((e) => !/-\d+d@recert$/.test(e.uid));
  assert.deepEqual(main.map((e) => e.startDate.toString()), deadlines.map((d) => d.date));
  assert.deepEqual(main.map((e) => e.summary), deadlines.map((d) => `DMEC CLMS: ${d.label}`));
  // Due 2027-02-10: its reminders on Jan 11 and Feb 3, both still ahead of Nov 26.
  assert.deepEqual(events.filter((e) => /-\d+d@recert$/.test(e.uid)).map((e) => e.startDate.toString()), ['2027-01-11', '2027-02-03']);
  for (const e of events) assert.match(e.description, /Left: pass the recertification exam\./);
  await context.close();
  assert.deepEqual(problems, []);
});

test('phone, dark: the steps and the calendar button fit the screen', async () => {
  const context = await withStored(JSON.stringify({ ...log, credentials: [{ ...log.credentials[0], steps: { exam: '2026-10-01' } }] }),
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'dark' });
  const page = await open(context, url());
  const exam = page.getByRole('checkbox', { name: 'Pass the recertification exam', exact: true });
  await exam.waitFor();
  for (const name of ['step.exam', 'step.exam.change', 'calendar.export']) {
    const w = (await page.evaluate(() => window.recert.widgets()))[name];
    if (w) assert.ok(w.x >= 0 && w.x + w.w <= 390, `${name} within the screen: ${JSON.stringify(w)}`);
  }
  await shot(page, 'steps-dmec-phone-dark');
  await context.close();
  assert.deepEqual(problems, []);
});
