// "Back up everything": the log and its certificates in one .zip, as a person moving to a new
// computer uses it. Written from the Backup menu (checked here by fflate and by Python's zipfile,
// an unrelated reader), restored into a fresh browser profile with the certificates back under
// their hashes; a certificate this browser lost is left out and named; one damaged inside the
// .zip is not restored and is named, its activity kept; a .zip that is no backup changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { artifacts, browser, click, importFile, open, origin, problems, shot, until, withCertificates, withStored } from './harness.mjs';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const url = () => `${origin}/?test&today=2026-11-26`;

// A one-page PDF and a 1×1 PNG, real enough for their first bytes; the PDF named twice.
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
                        '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const file = (id, name, type, bytes) => ({ id, name, type, size: bytes.length, sha256: sha256(bytes) });
const log = {
  format: 'recert-log', version: 1,
  credentials: [{ id: 'c1', program: 'dmec-clms', certified_on: '2025-02-10', options: {} }],
  entries: [
    { id: 'e1', title: 'Leave law update', date: '2025-06-01', credits: '1.5', kind: 'course', topics: ['fmla'],
      files: [file('f1', 'Leave law – certificate.pdf', 'application/pdf', pdf), file('f2', 'badge.png', 'image/png', png)] },
    { id: 'e2', title: 'ADA roundtable', date: '2025-07-01', credits: '1', kind: 'course', topics: ['ada'],
      files: [file('f1', 'roundtable.pdf', 'application/pdf', pdf)] },
  ],
};

// Each hash IndexedDB holds, with the hash of the bytes kept under it.
const kept = (page) => page.evaluate(async () => {
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await request(indexedDB.open('recert', 1));
  const store = db.transaction('certificates').objectStore('certificates');
  const [keys, all] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
  db.close();
  const out = {};
  for (let i = 0; i < keys.length; i++) {
    const d = new Uint8Array(await crypto.subtle.digest('SHA-256', all[i].bytes));
    out[keys[i]] = [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  return out;
});

async function backUpEverything(page, name) {
  await page.getByRole('button', { name: 'Backup', exact: true }).press('Enter');
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Back up everything (.zip, with certificates)' }).press('Enter');
  const download = await downloading;
  const path = join(artifacts, name);
  await download.saveAs(path);
  return { download, path, files: unzipSync(readFileSync(path)) };
}

test('Back up everything writes the log, each certificate once and a manifest; a fresh profile restores them with matching hashes', async () => {
  const context = await withCertificates(JSON.stringify(log), [['application/pdf', pdf], ['image/png', png]]);
  const page = await open(context, url());
  await page.getByText('Leave law update').first().waitFor({ state: 'attached' });
  const { download, path, files } = await backUpEverything(page, 'recert-backup.zip');
  assert.equal(download.suggestedFilename(), 'recert-backup-2026-11-26.zip');

  await page.getByRole('status').getByText('Backup saved to your downloads, with 2 certificates.', { exact: true }).waitFor({ state: 'attached' });
  assert.equal((await page.evaluate(() => JSON.parse(localStorage.getItem('recert-settings')))).last_backup, '2026-11-26');

  // The log inside is exactly the JSON backup.
  await page.getByRole('button', { name: 'Backup', exact: true }).press('Enter');
  const downloadingJson = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Back up the log only (JSON, no certificates)' }).press('Enter');
  const json = readFileSync(await (await downloadingJson).path(), 'utf8');
  assert.equal(strFromU8(files['recert-log.json']), json);

  const pdfPath = `certificates/${sha256(pdf).slice(0, 12)}-Leave law – certificate.pdf`;
  const pngPath = `certificates/${sha256(png).slice(0, 12)}-badge.png`;
  assert.deepEqual(Object.keys(files).sort(), ['manifest.json', 'recert-log.json', pdfPath, pngPath].sort());
  assert.equal(sha256(files[pdfPath]), sha256(pdf));
  assert.equal(sha256(files[pngPath]), sha256(png));
  assert.deepEqual(JSON.parse(strFromU8(files['manifest.json'])), {
    format: 'recert-backup', version: 1, created: '2026-11-26', log: 'recert-log.json',
    certificates: [
      { path: pdfPath, sha256: sha256(pdf), type: 'application/pdf', size: pdf.length, names: ['Leave law – certificate.pdf', 'roundtable.pdf'] },
      { path: pngPath, sha256: sha256(png), type: 'image/png', size: png.length, names: ['badge.png'] },
    ],
    left_out: [],
  });
  // Another reader agrees: every CRC checks out (Python's zipfile, from Debian's python3).
  const tested = execFileSync('/usr/bin/python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(len(z.namelist()))', path], { encoding: 'utf8' });
  assert.equal(tested, 'None\n4\n');
  await context.close();

  // A new computer: nothing stored. The .zip is imported, previewed, and brings everything.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const there = await open(fresh, url());
  await importFile(there, path);
  const preview = there.getByRole('dialog', { name: 'Import recert-backup.zip' });
  await preview.waitFor();
  await preview.getByText('This backup holds 2 activities and 1 credential.', { exact: true }).waitFor({ state: 'attached' });
  await preview.getByText('2 certificates from the backup matched their records and are now kept in this browser.', { exact: true })
    .waitFor({ state: 'attached' });
  await shot(there, 'archive-restore-preview-desktop-light');
  // The same preview on a phone's width, in dark, to look at; then back to import it.
  await there.setViewportSize({ width: 390, height: 844 });
  await there.emulateMedia({ colorScheme: 'dark' });
  await shot(there, 'archive-restore-preview-phone-dark');
  await there.setViewportSize({ width: 1280, height: 800 });
  await there.emulateMedia({ colorScheme: 'light' });
  await preview.getByRole('button', { name: 'Import' }).press('Enter');
  await preview.waitFor({ state: 'detached' });
  const restored = await there.evaluate(() => window.recert.log());
  assert.deepEqual(restored.entries.map((e) => e.files), log.entries.map((e) => e.files));
  assert.deepEqual(await kept(there), { [sha256(pdf)]: sha256(pdf), [sha256(png)]: sha256(png) });
  // Nothing is shown missing: the row offers the file itself.
  await there.getByRole('button', { name: 'Details of \u201CLeave law update\u201D' }).press('Enter');
  await there.getByRole('button', { name: 'View \u201Cbadge.png\u201D' }).waitFor({ state: 'attached' });
  assert.equal(await there.getByText('Not in this browser', { exact: false }).count(), 0);
  await fresh.close();
  assert.deepEqual(problems, []);
});

test('a certificate this browser lost is left out and named; one damaged inside the .zip is not restored, its activity kept', async () => {
  // Only the PDF is here: the PNG is left out of the backup, and the page says which.
  const context = await withCertificates(JSON.stringify(log), [['application/pdf', pdf]]);
  const page = await open(context, url());
  await page.getByText('Leave law update').first().waitFor({ state: 'attached' });
  const { files } = await backUpEverything(page, 'recert-backup-lost.zip');
  await page.getByRole('status').getByText('Backup saved to your downloads, with 1 certificate. Left out: \u201Cbadge.png\u201D is not kept in this browser; attach it again.',
                       { exact: true }).waitFor({ state: 'attached' });
  const manifest = JSON.parse(strFromU8(files['manifest.json']));
  assert.deepEqual(manifest.left_out, [{ sha256: sha256(png), reason: 'missing' }]);
  assert.deepEqual(manifest.certificates.map((c) => c.sha256), [sha256(pdf)]);
  await context.close();

  // The PDF altered inside the .zip (one byte), the PNG listed but absent.
  const pdfPath = manifest.certificates[0].path;
  const altered = Uint8Array.from(files[pdfPath]);
  altered[altered.length - 2] ^= 1;
  manifest.certificates.push({ path: 'certificates/badge.png', sha256: sha256(png), type: 'image/png', size: png.length, names: ['badge.png'] });
  const damaged = join(artifacts, 'recert-backup-damaged.zip');
  writeFileSync(damaged, zipSync({ 'recert-log.json': files['recert-log.json'], [pdfPath]: [altered, { level: 0 }],
                                   'manifest.json': strToU8(JSON.stringify(manifest)) }));
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const there = await open(fresh, url());
  await importFile(there, damaged);
  const preview = there.getByRole('dialog', { name: 'Import recert-backup-damaged.zip' });
  await preview.waitFor();
  await preview.getByText('Not restored: \u201CLeave law – certificate.pdf\u201D is damaged in the backup (its bytes do not match its record) and ' +
                          '\u201Cbadge.png\u201D is listed in the backup but not in it. Their activities come in all the same; attach the originals again.',
                          { exact: true }).waitFor({ state: 'attached' });
  assert.equal(await preview.getByText('matched their records', { exact: false }).count(), 0);
  await shot(there, 'archive-restore-damaged-desktop-light');
  await preview.getByRole('button', { name: 'Import' }).press('Enter');
  await preview.waitFor({ state: 'detached' });
  assert.equal((await there.evaluate(() => window.recert.log())).entries.length, 2);
  assert.deepEqual(await kept(there), {});
  await fresh.close();
  assert.deepEqual(problems, []);
});

test('a .zip that is not a Recert backup is refused with the reason, and nothing changes', async () => {
  const other = join(artifacts, 'photos.zip');
  writeFileSync(other, zipSync({ 'holiday.png': [png, { level: 0 }] }));
  const context = await withStored(JSON.stringify(log));
  const page = await open(context, url());
  await page.getByText('Leave law update').first().waitFor({ state: 'attached' });
  await importFile(page, other);
  const preview = page.getByRole('dialog', { name: 'Import photos.zip' });
  await preview.waitFor();
  await preview.getByText('photos.zip: the file could not be read: this .zip is not a Recert backup: it holds no recert-log.json', { exact: false })
    .waitFor({ state: 'attached' });
  await preview.getByRole('button', { name: 'Close' }).press('Enter');
  assert.equal((await page.evaluate(() => window.recert.log())).entries.length, 2);
  await context.close();
  assert.deepEqual(problems, []);
});
