// Backups a person is reminded of: after 60 days or 10 new activities without one, the page
// says when the last was made, with the backup one press away; Settings shows its date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { origin, open, shot, until, problems, withStored } from './harness.mjs';

const entries = Array.from({ length: 12 }, (_, i) => ({
  id: `e${i + 1}`, title: `Webinar ${i + 1}`, date: '2025-06-01', credits: '1', kind: 'course', topics: ['fmla'] }));
const log = { format: 'recert-log', version: 1, credentials: [{ id: 'c1', program: 'dmec-clms', certified_on: '2025-02-10', options: {} }], entries };
// A backup made on Aug 1 with 10 activities: on Nov 26 that is 117 days ago, 2 logged since.
const settings = { theme: 0, text_percent: 100, last_backup: '2026-08-01', entries_at_backup: 10 };

test('Last backup: 117 days ago, with Back up now; once backed up, the nudge goes and Settings shows the day', async () => {
  const context = await withStored(JSON.stringify(log), { acceptDownloads: true });
  const setup = await context.newPage();
  await setup.goto(`${origin}/programs/index.json`);
  await setup.evaluate((s) => localStorage.setItem('recert-settings', s), JSON.stringify(settings));
  await setup.close();
  const page = await open(context, `${origin}/?test&today=2026-11-26`);
  const nudge = page.getByText('Last backup: 117 days ago, and 2 activities logged since.', { exact: true });
  await nudge.waitFor();
  await shot(page, 'backup-nudge-desktop-light');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now', exact: true }).press('Enter');
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'recert-backup-2026-11-26.json');
  await nudge.waitFor({ state: 'detached' });
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('recert-settings')));
  assert.equal(stored.last_backup, '2026-11-26');
  assert.equal(stored.entries_at_backup, 12);
  await page.getByRole('button', { name: 'Settings', exact: true }).press('Enter');
  await page.getByRole('dialog', { name: 'Settings' }).getByText('Last backup: Nov 26, 2026 (today).', { exact: true }).waitFor();
  await context.close();
  assert.deepEqual(problems, []);
});
