// The forms as a new certificant meets them: no program chosen for them, what their program
// counts in its own words, no box for what the program fixes, and Save always in reach.
// Found by role and visible name, as a screen reader and a keyboard find them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, base, browser, open, problems, showActivities, until, withStored } from './harness.mjs';

const shots = join(artifacts, 'forms');
mkdirSync(shots, { recursive: true });

const profiles = {
  'desktop-light': { viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  'desktop-dark': { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  'phone-light': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'light' },
  'phone-dark': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'dark' },
};

const logWith = (program) => JSON.stringify({
  format: 'recert-log', version: 1,
  credentials: [{ id: 'c1', program, certified_on: '2025-01-15' }],
  entries: [],
});

const shot = async (page, name) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, `${name}.png`) });
};

// The element is wholly inside the viewport: not cut off, not scrolled away.
async function inViewport(page, locator, what) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  assert.ok(box, `${what} has no box`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height,
            `${what} at ${JSON.stringify(box)} is outside the ${width}x${height} viewport`);
}

async function openEntryForm(page) {
  await showActivities(page);
  await page.getByRole('button', { name: 'Log an activity' }).press('Enter');
  const form = page.getByRole('dialog', { name: 'Log an activity' });
  await form.waitFor();
  return form;
}

async function pick(page, combobox, option) {
  await page.getByRole('combobox', { name: combobox }).press('Enter');
  await page.getByRole('option', { name: option, exact: true }).press('Enter');
  await until(page, ([c, o]) => [...document.querySelectorAll('[role="combobox"]')].some((e) => e.getAttribute('aria-label') === c && e.textContent === o),
              [combobox, option], `${option} chosen`);
}

for (const [profile, options] of Object.entries(profiles)) {
  test(`${profile}: the program list starts on "Choose your certification…" and cannot be saved unchosen`, async () => {
    const context = await browser.newContext(options);
    const page = await open(context, base);
    await page.getByRole('button', { name: 'Add your credential' }).press('Enter');
    await page.getByRole('dialog', { name: 'Add your credential' }).waitFor();
    const program = page.getByRole('combobox', { name: 'Credential and program' });
    assert.equal(await program.textContent(), 'Choose your certification…');
    assert.equal(await program.getAttribute('aria-invalid'), null, 'no error before a first try');
    await shot(page, `credential-placeholder-${profile}`);

    // Saved unchosen, with a date typed: the field says what is missing, marked invalid, and nothing is stored.
    await page.getByRole('textbox', { name: 'Date you earned or last renewed the credential' }).fill('2025-01-15');
    await page.getByRole('button', { name: 'Save credential' }).press('Enter');
    await until(page, () => document.querySelector('[role="combobox"]')?.getAttribute('aria-invalid') === 'true', undefined, 'the program marked invalid');
    assert.equal(await program.getAttribute('aria-description'), 'Choose the certification you hold');
    await page.getByText('Choose the certification you hold', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    assert.equal((await page.evaluate(() => window.recert.log())).credentials.length, 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('recert-log')), null, 'nothing saved');
    await inViewport(page, page.getByRole('button', { name: 'Save credential' }), 'Save credential');
    await shot(page, `credential-unchosen-error-${profile}`);

    // Chosen: the two dates are told apart on that program's own cycle, and it saves.
    await pick(page, 'Credential and program', 'ALA CLM recertification');
    await page.getByText(/Earned or renewed on .*2025, your cycle runs to .*2028: leave the second date empty/).waitFor();
    await page.getByRole('button', { name: 'Save credential' }).press('Enter');
    await until(page, () => window.recert.log().credentials.length === 1, undefined, 'the credential saved');
    assert.equal((await page.evaluate(() => window.recert.log())).credentials[0].program, 'ala-clm-recert');
    await context.close();
  });

  test(`${profile}: a DMEC kind with fixed credits shows what it earns instead of a Credits box`, async () => {
    const context = await withStored(logWith('dmec-clms'), options);
    const page = await open(context, base);
    const form = await openEntryForm(page);
    const credits = form.getByRole('textbox', { name: 'Credits' });
    assert.equal(await credits.count(), 1, 'a webinar states its credits');
    await pick(page, 'Kind', 'Presentation');
    await form.getByText('Earns 2 CEUs, fixed by DMEC.', { exact: false }).waitFor();
    assert.equal(await credits.count(), 0, 'no Credits box where DMEC fixes the amount');
    // DMEC does not count minutes: no "minutes count as hours" note.
    assert.doesNotMatch(await form.textContent(), /75 minutes/);
    await inViewport(page, form.getByRole('button', { name: 'Save activity' }), 'Save activity');
    await shot(page, `dmec-fixed-kind-${profile}`);
    await pick(page, 'Kind', 'Microcredential');
    await form.getByText('Earns 1 CEU, fixed by DMEC.', { exact: false }).waitFor();
    await pick(page, 'Kind', 'Live webinar');
    await credits.waitFor();
    await context.close();
  });

  test(`${profile}: ALA recertification's form says what counts, from its file, with Save in view`, async () => {
    const context = await withStored(logWith('ala-clm-recert'), options);
    const page = await open(context, base);
    const form = await openEntryForm(page);
    // ALA counts minutes: the note says how.
    await form.getByText(/75 minutes = 1\.25 hours/).waitFor();
    const counts = form.getByRole('button', { name: 'What counts for ALA CLM recertification' });
    assert.equal(await counts.getAttribute('aria-expanded'), 'false');
    await counts.press('Enter');
    await until(page, () => document.querySelector('[aria-controls$="ala-clm-recert.region"]')?.getAttribute('aria-expanded') === 'true', undefined, 'what counts open');
    const region = form.getByRole('region', { name: 'What counts for ALA CLM recertification' });
    await region.waitFor();
    const words = await region.textContent();
    assert.match(words, /Sessions need to be at least 60 minutes in length/);
    assert.match(words, /main focus/);
    assert.match(words, /Source: ALA: How to determine what education qualifies for CLM credit/);
    // Topics by their names, never their ids.
    const snapshot = await form.ariaSnapshot();
    assert.doesNotMatch(snapshot, /#\w/);
    assert.doesNotMatch(snapshot, /substance_abuse|business_ethics|self_management/);
    await inViewport(page, form.getByRole('button', { name: 'Save activity' }), 'Save activity');
    await inViewport(page, form.getByRole('button', { name: 'Cancel' }), 'Cancel');
    await shot(page, `ala-what-counts-${profile}`);

    // Every field is reached by Tab, out of view or not: the body scrolls to it, and Save stays.
    const save = await form.getByRole('button', { name: 'Save activity' }).boundingBox();
    const notes = form.getByRole('textbox', { name: 'Notes' });
    const group = form.getByRole('group', { name: 'Management categories' });
    assert.equal(await group.getByRole('checkbox', { name: 'Organizational Development' }).count(), 1);
    for (let i = 0; i < 40 && !(await notes.evaluate((e) => e === document.activeElement)); ++i) {
      await page.keyboard.press('Tab');
      await page.waitForTimeout(60);
    }
    assert.equal(await notes.evaluate((e) => e === document.activeElement), true, 'Tab reached Notes');
    await until(page, () => { const r = document.activeElement.getBoundingClientRect(); return r.height > 0 && r.bottom <= innerHeight; }, undefined, 'Notes scrolled into view');
    assert.deepEqual(await form.getByRole('button', { name: 'Save activity' }).boundingBox(), save, 'Save did not move');
    await inViewport(page, notes, 'Notes, tabbed to');
    await shot(page, `ala-scrolled-${profile}`);

    // Saved without a title: the note beside Save is whole, and in view.
    await form.getByRole('button', { name: 'Save activity' }).press('Enter');
    const note = form.getByText('Check the fields marked above.', { exact: false });
    await note.waitFor();
    await inViewport(page, note, 'the note beside Save');
    await shot(page, `ala-tried-${profile}`);
    await context.close();
  });
}

test('no console errors in any of the above', () => {
  assert.deepEqual(problems, []);
});
