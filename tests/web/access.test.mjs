// The page as a keyboard, a screen reader and a phone meet it: through the semantic tree's
// DOM elements, found by role and visible label, never by canvas coordinates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, base, open, until, shot, problems, artifacts } from './harness.mjs';

const log = (page) => page.evaluate(() => window.recert.log());
const focusedName = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e ? (e.getAttribute('aria-label') || e.textContent || e.tagName) : null;
});

// Presses Tab until the element named `name` has the focus, as a keyboard user would.
async function tabTo(page, role, name, limit = 40) {
  const target = page.getByRole(role, { name, exact: true });
  for (let i = 0; i < limit; ++i) {
    if (await target.evaluate((e) => e === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${role} "${name}"; focus is on "${await focusedName(page)}"`);
}

test('keyboard only: add a credential and log an activity, by Tab, Enter and typing', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context, base);

  await tabTo(page, 'button', 'Add your credential');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add your credential' });
  await dialog.waitFor();
  // The key that opened the dialog did not also press its Save.
  await page.waitForTimeout(300);
  assert.equal((await log(page)).credentials.length, 0);
  // It opens with the focus inside it, on its first control, and the page behind is inert.
  await until(page, () => document.activeElement?.closest('[role="dialog"]') !== null, undefined, 'focus in the dialog');
  assert.equal(await page.locator('#semantics [data-id="backup"]').evaluate((e) => e.closest('[inert]') !== null), true,
               'the page behind the dialog is out of reach');

  await page.getByRole('combobox', { name: 'Credential and program' }).press('Enter');
  await page.getByRole('option', { name: 'DMEC CLMS renewal' }).press('Enter');
  await until(page, () => /DMEC/.test(document.querySelector('[role="combobox"]')?.textContent), undefined, 'DMEC chosen');
  await tabTo(page, 'textbox', 'Date you earned or last renewed the credential');
  await page.keyboard.type('2025-01-15');
  await tabTo(page, 'button', 'Save credential');
  await page.keyboard.press('Enter');
  await until(page, () => window.recert.log().credentials.length === 1, undefined, 'the credential saved');
  assert.equal((await log(page)).credentials[0].certified_on, '2025-01-15');
  // The dashboard reads as headings, the phase, and a progress bar per requirement with its figures.
  await page.getByRole('heading', { name: 'Requirements' }).waitFor();
  const total = page.getByRole('progressbar', { name: 'CEUs in the focus areas' });
  assert.equal(await total.getAttribute('aria-valuenow'), '0');
  assert.equal(await total.getAttribute('aria-valuemax'), '20');
  assert.equal(await total.getAttribute('aria-valuetext'), '0 / 20 CEUs, 20 CEUs to go');
  assert.match(await page.getByRole('status').first().textContent(), /Earning/);
  assert.equal((await log(page)).credentials[0].program, 'dmec-clms');

  await tabTo(page, 'button', 'Log an activity');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Log an activity' }).waitFor();
  // The first field has the focus: typing goes straight into the title.
  await until(page, () => document.activeElement?.getAttribute('aria-label') === 'Title', undefined, 'focus on Title');
  await page.keyboard.type('Leave law update — Québec');
  await tabTo(page, 'textbox', 'Date');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2025-06-01');
  await tabTo(page, 'textbox', 'Credits');
  await page.keyboard.type('1.5');
  await tabTo(page, 'checkbox', 'FMLA');
  await page.keyboard.press('Space');
  await until(page, () => document.querySelector('[role="checkbox"][aria-checked="true"]')?.textContent === 'FMLA', undefined, 'FMLA ticked');
  await shot(page, '30-keyboard-entry-form');
  await tabTo(page, 'button', 'Save activity');
  await page.keyboard.press('Enter');
  await until(page, () => window.recert.log().entries.length === 1, undefined, 'the activity saved');
  const [entry] = (await log(page)).entries;
  assert.equal(entry.title, 'Leave law update — Québec');
  assert.deepEqual(entry.topics, ['fmla']);
  await until(page, () => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '1.5', undefined, 'the bar to move');
  // The page's accessibility tree as Chromium exposes it, kept for reading: headings, the
  // phase, each requirement with its figures, the activities.
  const tree = await page.locator('body').ariaSnapshot();
  writeFileSync(join(artifacts, 'dashboard-accessibility.yml'), tree);
  assert.match(tree, /heading "Requirements" \[level=3\]/);
  assert.match(tree, /progressbar "CEUs in the focus areas"/);
  assert.match(tree, /button "Delete “Leave law update — Québec”"/);
  assert.equal(entry.date, '2025-06-01');
  assert.equal(entry.credits, 1.5);

  // Delete it by its row's button, named with its title, then undo from the message.
  await page.getByRole('button', { name: 'Delete “Leave law update — Québec”' }).press('Enter');
  await until(page, () => window.recert.log().entries.length === 0, undefined, 'deleted');
  await page.getByRole('button', { name: 'Undo' }).press('Enter');
  await until(page, () => window.recert.log().entries.length === 1, undefined, 'undone');

  await page.getByRole('button', { name: 'Settings' }).press('Enter');
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('[role="dialog"]'), undefined, 'Settings closed');
  await context.close();
});

test('phone: tapping a field focuses a real input, and typed, inserted and composed text lands in it', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await open(context, base);
  // A button's element lets touches through to the drawn button: a tap where it is, as a finger's.
  const tap = (locator) => locator.tap({ force: true });
  await tap(page.getByRole('button', { name: 'Add your credential' }));
  await tap(page.getByRole('combobox', { name: 'Credential and program' }));
  await tap(page.getByRole('option', { name: 'DMEC CLMS renewal' }));
  const date = page.getByRole('textbox', { name: 'Date you earned or last renewed the credential' });
  await date.tap();
  // What a phone needs to raise its keyboard: an editable element with the focus.
  assert.equal(await date.evaluate((e) => e === document.activeElement && e.matches('input, textarea')), true);
  await page.keyboard.insertText('2025-01-15');
  await tap(page.getByRole('button', { name: 'Save credential' }));
  await until(page, () => window.recert.log().credentials.length === 1, undefined, 'the credential saved');

  // A phone shows the dashboard and the activities as two tabs.
  await tap(page.getByRole('tab', { name: 'Activities' }));
  await page.getByRole('tab', { name: 'Activities', selected: true }).waitFor();
  await tap(page.getByRole('button', { name: 'Log an activity' }));
  await page.getByRole('dialog', { name: 'Log an activity' }).waitFor();
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await title.tap();
  // An IME composition (as Japanese input makes it), then committed.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'れんしゅう', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.insertText', { text: '練習' });
  await page.keyboard.insertText(' webinar');
  const credits = page.getByRole('textbox', { name: 'Credits' });
  await credits.tap();
  assert.equal(await credits.getAttribute('inputmode'), 'decimal', 'a decimal keypad for credits');
  await page.keyboard.insertText('2');
  await shot(page, '31-phone-field-focused');
  await tap(page.getByRole('button', { name: 'Save activity' }));
  await until(page, () => window.recert.log().entries.length === 1, undefined, 'the activity saved');
  const [entry] = (await log(page)).entries;
  assert.equal(entry.title, '練習 webinar');
  assert.equal(entry.credits, 2);
  await context.close();
});

test('no console errors in any of the above', () => {
  assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
});
