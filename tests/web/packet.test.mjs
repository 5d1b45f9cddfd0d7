// The renewal packet's print view, as a person meets it: "Print renewal summary" pressed from
// the keyboard puts the packet's summary (the core's make_packet) into an HTML page that only
// print shows, and opens the browser's print dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { origin, open, shot, until, withStored, artifacts } from './harness.mjs';

// DMEC CLMS certified 2025-02-10: one conference counted, without its certificate or its code;
// the exam not passed yet.
const log = {
  format: 'recert-log', version: 1,
  credentials: [{ id: 'c1', program: 'dmec-clms', certified_on: '2025-02-10', options: {} }],
  entries: [
    { id: 'e1', title: 'FMLA and ADA day', provider: 'DMEC', date: '2025-06-01', credits: '12.5', kind: 'conference', topics: ['fmla'] },
    { id: 'e2', title: 'Before the cycle', date: '2024-06-01', credits: '1', kind: 'live_webinar', topics: ['fmla'] },
  ],
};

test('Print renewal summary: the packet as a print-only page, then the print dialog', async () => {
  const context = await withStored(JSON.stringify(log));
  const page = await open(context, `${origin}/?test&today=2026-11-26`);
  // The name from Settings heads the packet.
  await page.getByRole('button', { name: 'Settings', exact: true }).press('Enter');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.waitFor();
  const name = settings.getByRole('textbox', { name: 'Your name, for the renewal packet', exact: true });
  await name.focus();
  await page.keyboard.type('Dana Reyes');
  await until(page, () => JSON.parse(localStorage.getItem('recert-settings') || '{}').name === 'Dana Reyes', undefined, 'the name saved');
  await page.keyboard.press('Escape');
  await settings.waitFor({ state: 'detached' });
  // The dialog would block a headless page: count the calls instead.
  await page.evaluate(() => { window.printed = []; window.print = () => window.printed.push(document.title); });
  const button = page.getByRole('button', { name: 'Print renewal summary', exact: true });
  await button.waitFor({ state: 'attached' });
  await button.focus();
  await page.keyboard.press('Enter');
  await until(page, () => window.printed.length === 1, undefined, 'the print dialog');
  assert.deepEqual(await page.evaluate(() => window.printed), ['Renewal packet: DMEC CLMS']);  // a saved PDF's name

  const view = page.locator('#print-view');
  const text = await view.textContent();
  for (const want of ['Renewal packet: DMEC CLMS', 'Dana Reyes', 'Certified Leave Management Specialist (CLMS)', 'Feb 10, 2025 to Feb 10, 2027',
                      'Left: earn the credits still needed and pass the recertification exam.',
                      '12.5 CEUs earned of 20 CEUs required: 7.5 still to earn.', 'FMLA and ADA day',
                      'Needs its certificate and CLMS verification code', 'Before the cycle', 'outside the cycle',
                      'Pass the recertification exam', 'Not yet', 'Produced'])
    assert.ok(text.includes(want), `the print view says "${want}"`);
  assert.equal(await view.locator('table').first().locator('th').allTextContents().then((h) => h.join('|')),
               'Date|Activity|Provider|Kind|CEUs|Code|Certificate');
  // Pressed again, the view is made anew, not added twice.
  await button.focus();
  await page.keyboard.press('Enter');
  await until(page, () => window.printed.length === 2, undefined, 'the print dialog again');
  assert.equal(await page.locator('#print-view').count(), 1);
  // The dialog closed, the page has its own title back.
  const own = await page.evaluate(() => { window.dispatchEvent(new Event('afterprint')); return document.title; });
  assert.notEqual(own, 'Renewal packet: DMEC CLMS');
  assert.match(own, /Recert/);
  // On screen it is not there; in print it is all there is.
  assert.equal(await view.evaluate((e) => getComputedStyle(e).display), 'none');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await view.evaluate((e) => getComputedStyle(e).display), 'block');
  assert.equal(await page.locator('#canvas').evaluate((e) => getComputedStyle(e).display), 'none');
  await shot(page, 'packet-print-view');
  writeFileSync(join(artifacts, 'packet-print-view.pdf'), await page.pdf({ format: 'Letter' }));

  await context.close();
});
