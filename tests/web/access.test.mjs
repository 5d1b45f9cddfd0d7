// The page as a keyboard, a screen reader and a phone meet it: through the semantic tree's
// DOM elements, found by role and visible label, never by canvas coordinates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, base, open, until, shot, problems, artifacts, fingerTap } from './harness.mjs';

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
  const cdp = await context.newCDPSession(page);
  // A button's element lets touches through to the drawn button: a press that slid off the
  // finger while it rests (to where GLFW last saw a mouse) would never click.
  const tap = (locator) => fingerTap(page, cdp, locator);
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

// The element with the focus, as a screen reader names it, and its node's id.
// (A native button or input has its role without the attribute.)
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  const role = e?.getAttribute('role') || { BUTTON: 'button', INPUT: 'textbox', TEXTAREA: 'textbox' }[e?.tagName];
  return { role, name: e?.getAttribute('aria-label') || e?.textContent, id: e?.dataset.id };
});
async function untilFocused(page, role, name) {
  const end = Date.now() + 20000;
  for (let f = await focused(page); f.role !== role || f.name !== name; f = await focused(page)) {
    if (Date.now() > end) throw new Error(`the focus never reached ${role} "${name}"; it is on ${f.role} "${f.name}"`);
    await page.waitForTimeout(50);
  }
}
// Dear ImGui draws its focus on the same widget as the DOM's focus.
const untilDrawnFocus = (page, id) => until(page, (i) => window.recert.widgets()[i]?.focused === true, id, `the canvas to highlight ${id}`);

// A page with DMEC CLMS added, its dashboard showing.
async function withCredential(context) {
  const page = await open(context, base);
  await page.getByRole('button', { name: 'Add your credential' }).press('Enter');
  await page.getByRole('dialog', { name: 'Add your credential' }).waitFor();
  await page.getByRole('combobox', { name: 'Credential and program' }).press('Enter');
  await page.getByRole('option', { name: 'DMEC CLMS renewal' }).press('Enter');
  await page.getByRole('textbox', { name: 'Date you earned or last renewed the credential' }).fill('2025-01-15');
  await page.getByRole('button', { name: 'Save credential' }).press('Enter');
  await until(page, () => window.recert.log().credentials.length === 1, undefined, 'the credential saved');
  return page;
}

test('keyboard: a combo box is a combobox and a listbox; arrows move, Enter picks, Escape closes only the list', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context, base);
  await tabTo(page, 'button', 'Add your credential');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Add your credential' }).waitFor();
  const program = page.getByRole('combobox', { name: 'Credential and program' });
  await tabTo(page, 'combobox', 'Credential and program');
  assert.equal(await program.getAttribute('aria-expanded'), 'false');
  // No program is chosen for the person: the box asks for one.
  const placeholder = 'Choose your certification…';
  assert.equal(await program.textContent(), placeholder);

  // Alt+Down opens it, with the focus on the first option (none is chosen), inside a listbox the box controls.
  await page.keyboard.press('Alt+ArrowDown');
  await until(page, () => document.activeElement?.getAttribute('role') === 'option', undefined, 'the focus on an option');
  assert.equal(await program.getAttribute('aria-expanded'), 'true');
  const list = page.locator(`[id="${await program.getAttribute('aria-controls')}"]`);
  assert.equal(await list.getAttribute('role'), 'listbox');
  const options = await list.evaluate((l) => [...l.children].map((o) => [o.getAttribute('role'), o.textContent, o.getAttribute('aria-selected')]));
  const programs = await page.evaluate(() => fetch(`v/${window.recert.version}/programs/index.json`).then((r) => r.json()));
  assert.equal(options.length, programs.length, 'every program is an option, the question none');
  assert.ok(options.every(([role]) => role === 'option'), 'the options are the listbox\'s children');
  assert.deepEqual(options.filter(([, , selected]) => selected === 'true'), [], 'none chosen');
  const first = options[0][1];
  await untilFocused(page, 'option', first);
  await untilDrawnFocus(page, (await focused(page)).id);

  // Down moves the focus (and the canvas's highlight) to the next option; End and Home to the ends.
  await page.keyboard.press('ArrowDown');
  await untilFocused(page, 'option', options[1][1]);
  await untilDrawnFocus(page, (await focused(page)).id);
  await page.keyboard.press('End');
  await untilFocused(page, 'option', options.at(-1)[1]);
  await page.keyboard.press('Home');
  await untilFocused(page, 'option', options[0][1]);
  await shot(page, '32-keyboard-combobox-open');

  // Escape closes the list only: the form stays, the focus is back on the box, nothing chosen.
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('[role="listbox"]'), undefined, 'the list closed');
  await untilFocused(page, 'combobox', 'Credential and program');
  assert.equal(await page.getByRole('dialog', { name: 'Add your credential' }).count(), 1, 'the form stays open');
  assert.equal(await program.textContent(), placeholder);
  assert.equal(await program.getAttribute('aria-expanded'), 'false');

  // Down on the closed box opens it too; arrows to DMEC, Enter picks it and closes the list.
  await page.keyboard.press('ArrowDown');
  await untilFocused(page, 'option', first);
  for (let i = 0; i < 12 && (await focused(page)).name !== 'DMEC CLMS renewal'; ++i) {
    const before = (await focused(page)).name;
    await page.keyboard.press('ArrowDown');
    await until(page, (b) => (document.activeElement?.textContent) !== b, before, 'the focus to move down');
  }
  assert.equal((await focused(page)).name, 'DMEC CLMS renewal');
  await page.keyboard.press('Enter');
  await until(page, () => !document.querySelector('[role="listbox"]'), undefined, 'the list closed');
  await untilFocused(page, 'combobox', 'Credential and program');
  assert.equal(await program.textContent(), 'DMEC CLMS renewal');
  await context.close();
});

test('keyboard: Escape closes the date picker only; its year list reaches three years back in a few keys', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await withCredential(context);
  await page.getByRole('button', { name: 'Log an activity' }).press('Enter');
  const form = page.getByRole('dialog', { name: 'Log an activity' });
  await form.waitFor();
  await untilFocused(page, 'textbox', 'Title');
  await page.keyboard.type('Ethics webinar');

  // The picker opens on the field's date (today), with the focus on that day.
  await tabTo(page, 'button', 'Pick a date for Date');
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Pick a date for Date' });
  await picker.waitFor();
  await untilFocused(page, 'gridcell', 'Nov 26, 2026');
  assert.equal(await page.getByRole('grid', { name: 'November 2026' }).count(), 1);
  // Arrows move by day and by week, across months.
  await page.keyboard.press('ArrowLeft');
  await untilFocused(page, 'gridcell', 'Nov 25, 2026');
  await page.keyboard.press('ArrowDown');
  await untilFocused(page, 'gridcell', 'Dec 2, 2026');
  await page.getByRole('grid', { name: 'December 2026' }).waitFor();
  await untilDrawnFocus(page, 'entry.date.day.2026-12-02');
  await page.keyboard.press('PageUp');
  await untilFocused(page, 'gridcell', 'Nov 2, 2026');

  // Escape: the picker closes, the form and the typing stay, the focus is back on its button.
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('[role="grid"]'), undefined, 'the picker closed');
  await untilFocused(page, 'button', 'Pick a date for Date');
  assert.equal(await form.count(), 1, 'the form stays open');
  assert.equal(await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue(), 'Ethics webinar');

  // Three years back: open, Shift+Tab to Year, Alt+Down, Up three times, Enter, Tab to the day, Enter.
  await page.keyboard.press('Enter');
  await untilFocused(page, 'gridcell', 'Nov 26, 2026');
  const keys = ['Shift+Tab', 'Alt+ArrowDown', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'Enter', 'Tab', 'Enter'];
  const expect = [['combobox', 'Year'], ['option', '2026'], ['option', '2025'], ['option', '2024'], ['option', '2023'],
                  ['combobox', 'Year'], ['gridcell', 'Nov 26, 2023']];
  for (let i = 0; i < keys.length; ++i) {
    await page.keyboard.press(keys[i]);
    if (i === 4) await shot(page, '33-keyboard-year-list');
    if (expect[i]) await untilFocused(page, ...expect[i]);
  }
  await until(page, () => !document.querySelector('[role="grid"]'), undefined, 'the picker closed on the pick');
  assert.equal(await page.getByRole('textbox', { name: 'Date', exact: true }).inputValue(), '2023-11-26');
  await untilFocused(page, 'button', 'Pick a date for Date');
  assert.equal(await form.count(), 1);

  // An open list inside the form: Escape closes the list, not the form.
  await tabTo(page, 'combobox', 'Kind');
  await page.keyboard.press('ArrowDown');
  await page.getByRole('listbox', { name: 'Kind' }).waitFor();
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('[role="listbox"]'), undefined, 'the list closed');
  assert.equal(await form.count(), 1);
  assert.equal(await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue(), 'Ethics webinar');
  await context.close();
});

test('keyboard: Escape on a changed form asks first; Keep editing keeps it, Discard closes it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await withCredential(context);
  const form = page.getByRole('dialog', { name: 'Log an activity' });
  // Unchanged, it closes at once.
  await page.getByRole('button', { name: 'Log an activity' }).press('Enter');
  await untilFocused(page, 'textbox', 'Title');
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('[role="dialog"]'), undefined, 'the unchanged form closed');
  await untilFocused(page, 'button', 'Log an activity');

  await page.keyboard.press('Enter');
  await untilFocused(page, 'textbox', 'Title');
  await page.keyboard.type('Ethics webinar');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await ask.waitFor();
  await untilFocused(page, 'button', 'Keep editing');
  // The form behind the question is out of reach while it asks.
  assert.equal(await page.getByRole('textbox', { name: 'Title', exact: true }).evaluate((e) => e.closest('[inert]') !== null), true);
  await shot(page, '34-keyboard-discard-question');
  await page.keyboard.press('Enter');
  await until(page, () => !document.querySelector('[role="alertdialog"]'), undefined, 'the question closed');
  assert.equal(await form.count(), 1);
  assert.equal(await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue(), 'Ethics webinar');
  await untilFocused(page, 'textbox', 'Title');

  // Escape on the question is Keep editing too; Cancel asks the same; Discard closes the form.
  await page.keyboard.press('Escape');
  await ask.waitFor();
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('[role="alertdialog"]'), undefined, 'Escape kept editing');
  assert.equal(await form.count(), 1);
  await page.getByRole('button', { name: 'Cancel' }).press('Enter');
  await ask.waitFor();
  await untilFocused(page, 'button', 'Keep editing');
  await page.keyboard.press('Tab');
  await untilFocused(page, 'button', 'Discard');
  await page.keyboard.press('Enter');
  await until(page, () => !document.querySelector('[role="dialog"], [role="alertdialog"]'), undefined, 'the form discarded');
  assert.equal((await log(page)).entries.length, 0);
  await context.close();
});

test('keyboard: arrows move among tabs (roving, one Tab stop) and among a menu\'s items', async () => {
  const context = await browser.newContext({ viewport: { width: 700, height: 800 } });
  const page = await withCredential(context);
  const stand = page.getByRole('tab', { name: 'Where I stand' });
  const activities = page.getByRole('tab', { name: 'Activities' });
  assert.equal(await page.getByRole('tablist').filter({ has: activities }).count(), 1, 'the tabs are in a tablist');
  assert.deepEqual([await stand.getAttribute('tabindex'), await activities.getAttribute('tabindex')], ['0', '-1']);
  await stand.focus();
  await page.keyboard.press('ArrowRight');
  await untilFocused(page, 'tab', 'Activities');
  await page.getByRole('tab', { name: 'Activities', selected: true }).waitFor();
  await until(page, () => document.querySelector('[role="tab"][aria-selected="true"]')?.tabIndex === 0 &&
                          document.querySelector('[role="tab"][aria-selected="false"]')?.tabIndex === -1, undefined, 'the Tab stop to move');
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('tab', { name: 'Where I stand', selected: true }).waitFor();

  const backup = page.getByRole('button', { name: 'Backup' });
  await backup.press('Enter');
  const menu = page.getByRole('menu', { name: 'Backup' });
  await menu.waitFor();
  assert.equal(await backup.getAttribute('aria-expanded'), 'true');
  assert.equal(await backup.getAttribute('aria-haspopup'), 'menu');
  const items = await menu.getByRole('menuitem').allTextContents();
  assert.ok(items.length >= 3);
  await untilFocused(page, 'menuitem', items[0]);
  await page.keyboard.press('ArrowDown');
  await untilFocused(page, 'menuitem', items[1]);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await untilFocused(page, 'menuitem', items.at(-1));
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('[role="menu"]'), undefined, 'the menu closed');
  await untilFocused(page, 'button', 'Backup');
  await context.close();
});

test('no console errors in any of the above', () => {
  assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), []);
});
