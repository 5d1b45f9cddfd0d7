// The activities table, Settings' choices and the Backup menu as a screen reader meets them:
// found by ARIA role and visible name only, never by canvas coordinates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { base, origin, artifacts, open, until, shot, problems, withStored } from './harness.mjs';

// A log of `n` activities, one a day back from the day before the test's today (2026-11-26), the
// newest with a title far too long for its column.
const longTitle = 'Intermittent leave under the FMLA and the ADA: certification, recertification, tracking and ' +
  'return-to-work conversations for leave administrators, with state paid-leave programs compared';
function bigLog(n) {
  const entries = [];
  for (let i = 0; i < n; ++i) {
    const date = new Date(Date.UTC(2026, 10, 25) - i * 864e5).toISOString().slice(0, 10);
    entries.push({ id: `e${i}`, title: i === 0 ? longTitle : `Webinar ${i}`, provider: 'DMEC', date, credits: 1,
                   kind: 'live_webinar', topics: ['fmla'] });
  }
  return { format: 'recert-log', version: 1, credentials: [{ id: 'c1', program: 'dmec-clms', certified_on: '2025-02-10', options: {} }], entries };
}

// The page on a desktop with a log of `n` activities, once its table is there.
async function openTable(n) {
  const context = await withStored(JSON.stringify(bigLog(n)));
  const page = await open(context, base);
  const table = page.getByRole('table', { name: 'Activities' });
  await table.waitFor();
  return { context, page, table };
}

const rowIndexes = (table) => table.evaluate((t) => [...t.querySelectorAll('[role="row"]')].map((r) => Number(r.getAttribute('aria-rowindex'))));

test('the activities table reads as one ARIA table: every row counted, only those on screen in the DOM', async () => {
  const n = 1000;
  const { context, page, table } = await openTable(n);
  // All rows, with the header row, as ARIA counts them; far fewer are elements.
  assert.equal(await table.getAttribute('aria-rowcount'), String(n + 1));
  const rows = table.getByRole('row');
  const drawn = await rows.count();
  assert.ok(drawn > 3 && drawn < 40, `${drawn} rows in the DOM for ${n} entries`);
  // Cells are the rows' children and rows the table's: a screen reader reads one table.
  assert.equal(await page.locator('#semantics [role="cell"]').first().evaluate((c) => c.parentElement.getAttribute('role') === 'row' &&
                                                                           c.parentElement.parentElement.getAttribute('role') === 'table'), true);

  const header = rows.first();
  assert.equal(await header.getAttribute('aria-rowindex'), '1');
  assert.deepEqual(await header.getByRole('columnheader').allTextContents(), ['Date', 'Activity', 'CEUs', 'Counts toward', 'Actions']);
  // Sorted newest first, as the drawn header says.
  assert.equal(await header.getByRole('columnheader', { name: 'Date' }).getAttribute('aria-sort'), 'descending');

  // The newest entry first, its title whole although the canvas cuts it.
  const first = rows.nth(1);
  assert.equal(await first.getAttribute('aria-rowindex'), '2');
  const cells = first.getByRole('cell');
  assert.equal(await cells.nth(0).textContent(), '2026-11-25');
  // The cell's name is its content: the title, then the line under it, topics by their names, and
  // what DMEC asks as proof of a webinar that this one lacks; no icon glyphs anywhere.
  assert.match(await cells.nth(1).textContent(), /^[^\ue000-\uf8ff]*$/);
  const details = 'Live webinar · DMEC · FMLA · needs its certificate and CLMS verification code';
  assert.equal(await first.getByRole('cell', { name: `${longTitle} ${details}`, exact: true }).count(), 1);
  assert.equal(await cells.nth(2).textContent(), '1');
  // What it counts toward, in words (no icon glyphs from the drawing).
  assert.match(await cells.nth(3).textContent(), /^[A-Za-z][^\uf000-\uf2ff]*$/);
  assert.equal(await first.getByRole('button', { name: `Delete “${longTitle}”` }).count(), 1);
  await shot(page, '40-table-desktop');

  // Scrolling the table brings other rows, each with its own place in the whole.
  const box = await page.getByRole('table', { name: 'Activities' }).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let indexes = await rowIndexes(table);
  for (let i = 0; i < 60 && indexes[indexes.length - 1] < 200; ++i) {
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(100);
    indexes = await rowIndexes(table);
  }
  assert.ok(indexes[indexes.length - 1] >= 200, `scrolled to ${indexes}`);
  // The header row stays, and so does the first (Dear ImGui's clipper draws it to measure the rows).
  assert.deepEqual(indexes.slice(0, 2), [1, 2]);
  indexes = indexes.slice(2);
  for (let i = 1; i < indexes.length; ++i) assert.equal(indexes[i], indexes[i - 1] + 1, `rows in order: ${indexes}`);
  // Row index i holds the (i - 1)-th newest entry: entry i - 2.
  const i = indexes[0];
  const row = table.locator(`[role="row"][aria-rowindex="${i}"]`);
  assert.equal(await row.getByRole('cell', { name: `Webinar ${i - 2} ${details}`, exact: true }).count(), 1);
  assert.equal(await row.getByRole('cell').first().textContent(), new Date(Date.UTC(2026, 10, 25) - (i - 2) * 864e5).toISOString().slice(0, 10));
  assert.ok(indexes.length < 40);
  await context.close();
});

test('Up and Down move between rows, past the rows on screen, and Tab leaves the row', async () => {
  const n = 200;
  const { context, page, table } = await openTable(n);
  const focusedRow = () => page.evaluate(() => Number(document.activeElement.closest('[role="row"]')?.getAttribute('aria-rowindex')));
  const focusedName = () => page.evaluate(() => document.activeElement.textContent);
  await table.getByRole('button', { name: `Delete “${longTitle}”` }).focus();
  assert.equal(await focusedRow(), 2);
  const onScreen = await table.getByRole('row').count();
  // Further down than the table shows: the row with the focus comes into view with the next one.
  for (let i = 0; i < onScreen + 10; ++i) {
    const before = await focusedRow();
    await page.keyboard.press('ArrowDown');
    await until(page, (b) => Number(document.activeElement.closest('[role="row"]')?.getAttribute('aria-rowindex')) === b + 1, before,
                `Down from row ${before}`);
  }
  const at = await focusedRow();
  assert.equal(at, 2 + onScreen + 10);
  assert.equal(await focusedName(), `Delete “Webinar ${at - 2}”`, 'the same button, a row further');
  assert.ok(await table.getByRole('row').count() < 40);
  await page.keyboard.press('ArrowUp');
  await until(page, (b) => Number(document.activeElement.closest('[role="row"]')?.getAttribute('aria-rowindex')) === b - 1, at, 'Up');
  // Tab is not kept in the column: it goes on to the next row's first button, its disclosure.
  await page.keyboard.press('Tab');
  await until(page, () => /^Details of “/.test(document.activeElement.textContent), undefined, 'Tab to the next row');
  assert.equal(await focusedRow(), at);
  await shot(page, '41-table-keyboard');
  await context.close();
});

test('Settings: the theme and the text size are radio groups; choosing Dark changes the theme', async () => {
  const context = await withStored(JSON.stringify(bigLog(3)));
  const page = await open(context, base);
  // The dashboard's requirements read as a list, each item its progress bar.
  const requirements = page.getByRole('list', { name: 'Requirements' });
  await requirements.waitFor();
  const items = requirements.getByRole('listitem');
  const bars = await page.getByRole('progressbar').count();
  assert.ok(bars >= 1);
  assert.equal(await items.count(), bars, 'an item for each requirement');
  assert.equal(await items.first().getByRole('progressbar').count(), 1);
  assert.equal(await items.first().getAttribute('aria-setsize'), String(bars));

  // The Backup menu: a menu of menu items.
  await page.getByRole('button', { name: 'Backup' }).press('Enter');
  const menu = page.getByRole('menu', { name: 'Backup' });
  await menu.waitFor();
  assert.equal(await page.getByRole('button', { name: 'Backup' }).getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await menu.getByRole('menuitem').allTextContents(),
                   ['Back up everything (.zip, with certificates)', 'Back up the log only (JSON, no certificates)', 'Export activities (CSV)',
                    'Import a backup (.zip or JSON) or CSV…', 'Download Recert to use without internet']
                     .slice(0, await menu.getByRole('menuitem').count()));
  assert.ok(await menu.getByRole('menuitem').count() >= 4);
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('[role="menu"]'), undefined, 'the menu closed');

  await page.getByRole('button', { name: 'Settings' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.waitFor();
  const theme = dialog.getByRole('radiogroup', { name: 'Theme' });
  assert.deepEqual(await theme.getByRole('radio').allTextContents(), ['Follow the system', 'Light', 'Dark']);
  assert.equal(await theme.getByRole('radio', { name: 'Follow the system' }).getAttribute('aria-checked'), 'true');
  assert.equal(await theme.getByRole('radio', { name: 'Dark' }).getAttribute('aria-checked'), 'false');
  const size = dialog.getByRole('radiogroup', { name: 'Text size' });
  assert.deepEqual(await size.getByRole('radio').allTextContents(), ['Small', 'Normal', 'Large', 'Larger', 'Largest']);
  assert.equal(await size.getByRole('radio', { name: 'Normal' }).getAttribute('aria-checked'), 'true');

  const fieldColour = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--field-bg').trim());
  const light = await fieldColour();
  await theme.getByRole('radio', { name: 'Dark' }).press('Space');
  await until(page, () => document.querySelector('[role="radio"][aria-checked="true"]')?.textContent === 'Dark', undefined, 'Dark checked');
  assert.equal(await theme.getByRole('radio', { name: 'Follow the system' }).getAttribute('aria-checked'), 'false');
  await until(page, (l) => getComputedStyle(document.documentElement).getPropertyValue('--field-bg').trim() !== l, light, 'the palette to change');
  // The page's surface is dark now: every channel of its colour well below the middle.
  const dark = await fieldColour();
  assert.ok(/^#[0-9a-f]{6}$/.test(dark) && [1, 3, 5].every((i) => parseInt(dark.slice(i, i + 2), 16) < 0x60), `${light} to ${dark}`);
  await shot(page, '42-settings-dark');
  await context.close();
});

test('phone: the activities read as a list whose items say where they stand in the whole', async () => {
  const n = 300;
  const context = await withStored(JSON.stringify(bigLog(n)), { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await open(context, base);
  await page.getByRole('tab', { name: 'Activities' }).tap({ force: true });
  const list = page.getByRole('list', { name: 'Activities' });
  await list.waitFor();
  const items = list.getByRole('listitem');
  const drawn = await items.count();
  assert.ok(drawn > 2 && drawn < 30, `${drawn} cards in the DOM`);
  const first = items.first();
  assert.equal(await first.getAttribute('aria-posinset'), '1');
  assert.equal(await first.getAttribute('aria-setsize'), String(n));
  assert.equal(await first.getByText(longTitle, { exact: true }).count(), 1);
  assert.equal(await first.getByRole('button', { name: `Edit “${longTitle}”` }).count(), 1);
  await shot(page, '43-cards-phone');
  await context.close();
});

// An ALA CLM recertification, certified 2024-06-15 (the cycle runs to 2027-06-15), seen on
// 2025-06-01: HR has 2 of its 3 hours, so a two-hour session tagged HR and FM goes to FM, which
// has none. A session of 45 minutes earns nothing; one dated ahead past the cycle is not planned.
const title200 = ('Managing a law firm through a merger: integrating partners, staff, client files, conflicts checks, ' +
  'billing systems, benefits plans, leases and the culture of two firms, with a checklist for year one').padEnd(200, '.');
const alaLog = {
  format: 'recert-log', version: 1,
  credentials: [{ id: 'c1', program: 'ala-clm-recert', certified_on: '2024-06-15', options: {} }],
  entries: [
    { id: 'e1', title: 'Hiring and onboarding legal staff', provider: 'ALA', date: '2024-09-10', minutes: 120, kind: 'live_webinar', topics: ['hr'] },
    { id: 'e2', title: 'Compensation budgets for people managers', provider: 'ALA', date: '2025-01-20', minutes: 120, kind: 'live_webinar',
      topics: ['hr', 'fm'], notes: 'Both HR and finance: the handout covers salary bands and the budget cycle.' },
    { id: 'e3', title: 'Future conference outside the cycle', provider: 'ALA', date: '2028-01-10', minutes: 60, kind: 'conference', topics: ['om'] },
    { id: 'e4', title: 'Planned webinar on operations', provider: 'ALA', date: '2025-09-01', minutes: 60, kind: 'live_webinar', topics: ['om'] },
    { id: 'e5', title: title200, provider: 'ALA Chicago Chapter', date: '2025-03-05', minutes: 45, kind: 'live_webinar', topics: ['li'] },
  ],
};
const alaUrl = () => `${origin}/?test&today=2025-06-01`;
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function openAla(options = {}) {
  mkdirSync(join(artifacts, 'table'), { recursive: true });
  const context = await withStored(JSON.stringify(alaLog), options);
  const page = await open(context, alaUrl());
  return { context, page };
}

test('a 200-character title is whole in its cell, in a tooltip on hover and on focus, and in the expanded row', async () => {
  assert.equal(title200.length, 200);
  const { context, page } = await openAla();
  const table = page.getByRole('table', { name: 'Activities', exact: true });
  await table.waitFor();
  const row = table.getByRole('row').filter({ has: page.getByRole('button', { name: `Details of “${title200}”` }) });
  // The cell's name holds the whole title, although the canvas ends it in an ellipsis.
  const cell = row.getByRole('cell').nth(1);
  assert.ok((await cell.textContent()).startsWith(title200));
  // Earns nothing (too short): 0, not its would-be 0.75 hours, with its reason in the status.
  assert.equal(await row.getByRole('cell').nth(2).textContent(), '0');
  assert.match(await row.getByRole('cell').nth(3).textContent(), /Too short/);

  // Hover: a tooltip with the whole title.
  const tip = page.getByRole('tooltip');
  assert.equal(await tip.count(), 0);
  const box = await cell.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await tip.waitFor();
  assert.ok((await tip.textContent()).includes(title200), await tip.textContent());
  await page.mouse.move(2, 2);
  await until(page, () => !document.querySelector('[role="tooltip"]'), undefined, 'the tooltip gone with the mouse');

  // Keyboard: the row's disclosure takes the focus, and the tooltip says the whole title.
  const disclosure = row.getByRole('button', { name: `Details of “${title200}”` });
  await disclosure.focus();
  await tip.waitFor();
  assert.ok((await tip.textContent()).includes(title200));
  assert.equal(await disclosure.getAttribute('aria-expanded'), 'false');

  // Expanded: the whole title as text under the row, and why it counts for nothing.
  await disclosure.press('Enter');
  await until(page, () => document.querySelector('[aria-expanded="true"]'), undefined, 'the row expanded');
  const controls = await disclosure.getAttribute('aria-controls');
  const more = page.locator(`[id="${controls}"]`);
  assert.equal(await more.getByText(title200, { exact: true }).count(), 1);
  assert.match(await more.textContent(), /Not counted toward Total hours: 45 minutes; sessions shorter than 60 minutes earn nothing/);
  await context.close();
});

test('ALA: a session tagged HR and FM goes to FM, which needed it more, and its row says so', async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, page } = await openAla({ colorScheme: scheme });
    const table = page.getByRole('table', { name: 'Activities', exact: true });
    await table.waitFor();
    const title = 'Compensation budgets for people managers';
    const row = table.getByRole('row').filter({ has: page.getByRole('button', { name: `Details of “${title}”` }) });
    const cells = row.getByRole('cell');
    // Hours, not "120 min"; topics by their names.
    assert.equal(await cells.nth(2).textContent(), '2');
    const activity = await cells.nth(1).textContent();
    assert.ok(activity.includes('Human Resources Management and Financial Management'), activity);
    assert.ok(!activity.includes('#'), activity);
    // Both requirements it fills, in full.
    const toward = await cells.nth(3).textContent();
    assert.ok(toward.includes('Total hours') && toward.includes('Financial Management') && !toward.includes('Human Resources'), toward);

    const disclosure = row.getByRole('button', { name: `Details of “${title}”` });
    await disclosure.press('Enter');
    await until(page, () => document.querySelector('[aria-expanded="true"]'), undefined, 'the row expanded');
    const more = page.locator(`[id="${await disclosure.getAttribute('aria-controls')}"]`);
    await more.waitFor();
    const went = await more.locator('p').allTextContents();
    assert.ok(went.includes('Counts toward Total hours: 2 hours'), went.join(' | '));
    assert.ok(went.includes('Counts toward Financial Management: 2 hours'), went.join(' | '));
    assert.ok(went.includes('Also fits Human Resources Management: counted toward Financial Management instead, which needed it more'), went.join(' | '));
    assert.ok(went.includes(alaLog.entries[1].notes));
    // The row after the open one is laid out under it, not drawn over it (the clipper spaces
    // rows evenly, which an open row is not).
    await until(page, () => { const w = window.recert.widgets(); return w['row.e1'] && w['row.e2.more']; }, undefined, 'the rows around the open one');
    const rects = await page.evaluate(() => window.recert.widgets());
    const details = rects['row.e2.more'];
    assert.ok(rects['row.e1'].y >= details.y + details.h - 2, `the next row at ${rects['row.e1'].y}, the open row's details end at ${details.y + details.h}`);

    // Planned: only what the projection counts. The conference past the cycle's end stays in
    // the main list with its reason.
    assert.match(await page.getByText(/^Planned \(\d+\)/).textContent(), /^Planned \(1\): counted in the projection/);
    const planned = page.getByRole('table', { name: 'Planned activities' });
    assert.equal(await planned.getByRole('button', { name: 'Details of “Planned webinar on operations”' }).count(), 1);
    assert.equal(await planned.getByRole('button', { name: 'Details of “Future conference outside the cycle”' }).count(), 0);
    const outside = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Details of “Future conference outside the cycle”' }) });
    assert.match(await outside.getByRole('cell').nth(3).textContent(), /Outside the cycle/);
    assert.equal(await outside.getByRole('cell').nth(2).textContent(), '0');
    await page.mouse.move(2, 2);
    await shot(page, `table/ala-desktop-expanded-${scheme}`);
    await context.close();
  }
});

test('phone: cards wrap the whole title and expand to where the activity went', async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, page } = await openAla({ ...phone, colorScheme: scheme });
    await page.getByRole('tab', { name: 'Activities' }).tap({ force: true });
    const list = page.getByRole('list', { name: 'Activities', exact: true });
    await list.waitFor();
    await shot(page, `table/ala-phone-cards-${scheme}`);
    // The long title's card holds it whole, and it is drawn on more than one line.
    const long = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Details of “${title200}”` }) });
    const text = long.getByText(title200, { exact: true });
    assert.equal(await text.count(), 1);
    const short = (await list.getByText('Future conference outside the cycle', { exact: true }).boundingBox()).height;
    const all = (await text.boundingBox()).height;
    assert.ok(all > 2 * short, `the long title drawn ${all}px high, a short one ${short}px`);
    const title = 'Compensation budgets for people managers';
    const card = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Details of “${title}”` }) });
    const disclosure = card.getByRole('button', { name: `Details of “${title}”` });
    await disclosure.press('Enter');
    await until(page, () => document.querySelector('[aria-expanded="true"]'), undefined, 'the card expanded');
    const more = page.locator(`[id="${await disclosure.getAttribute('aria-controls')}"]`);
    await more.waitFor();
    assert.match(await more.textContent(), /counted toward Financial Management instead, which needed it more/);
    await shot(page, `table/ala-phone-expanded-${scheme}`);
    await context.close();
  }
});

test('no console errors in any of the above', () => {
  // Emscripten 3.1.6's GLFW calls preventDefault on every wheel event, which Chromium refuses
  // here as passive and says so; harmless, as the page itself never scrolls. Said in the report.
  const wheel = /^console: Unable to preventDefault inside passive event listener/;
  assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p) && !wheel.test(p)), []);
});
