// Certificates kept with each activity, as a person meets them: a PDF and a PNG attached in the
// form, kept over a reload in IndexedDB under their SHA-256, viewed and downloaded byte for
// byte, one removed and brought back by undo; a file too big, one that is no certificate and a
// full storage each refused with the reason, the activity kept; a file dropped on the page; a
// certificate the browser lost named as missing; the list of activities without one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, origin, open, shot, click, until, problems, withStored, browser, fingerTap } from './harness.mjs';

const log = {
  format: 'recert-log', version: 1,
  credentials: [{ id: 'c1', program: 'dmec-clms', certified_on: '2025-02-10', options: {} }],
  entries: [{ id: 'e1', title: 'Leave law update', date: '2025-06-01', credits: '1.5', kind: 'course', topics: ['fmla'] }],
};
const url = () => `${origin}/?test&today=2026-11-26`;
const stored = (page) => page.evaluate(() => window.recert.log());
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// A one-page PDF and a 1×1 PNG, real enough for their first bytes and a viewer.
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
                        '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const pdfPath = join(artifacts, 'Ethics – certificate.pdf');
const pngPath = join(artifacts, 'badge.png');
writeFileSync(pdfPath, pdf);
writeFileSync(pngPath, png);

// What IndexedDB holds: each key (a hash) with the hash of the bytes kept under it.
const kept = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('recert', 1);
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const all = req.result.transaction('certificates').objectStore('certificates').getAllKeys();
    all.onsuccess = () => resolve(all.result);
  };
}));

async function attach(page, files) {
  const choosing = page.waitForEvent('filechooser');
  await click(page, 'entry.attach');
  await (await choosing).setFiles(files);
}

async function openEntry(page, title) {
  await page.getByRole('button', { name: `Edit \u201C${title}\u201D` }).press('Enter');
  await page.getByRole('dialog', { name: 'Edit activity' }).waitFor();
}

test('a PDF and a PNG attached are kept over a reload, view and download byte for byte, and a removal undoes', async () => {
  const context = await withStored(JSON.stringify(log));
  let page = await open(context, url());
  await openEntry(page, 'Leave law update');
  const dialog = page.getByRole('dialog', { name: 'Edit activity' });
  await attach(page, [pdfPath, pngPath]);
  const list = dialog.getByRole('list', { name: 'Certificates' });
  await list.getByRole('listitem').nth(1).waitFor({ state: 'attached' });
  assert.deepEqual(await list.getByRole('listitem').allTextContents(),
                   [`Ethics – certificate.pdf  ·  PDF, ${pdf.length} bytes`, 'badge.png  ·  PNG image, 70 bytes']
                     .map((t) => t + ['View', 'Download', 'Remove'].map((b) => `${b} “${t.split('  ·  ')[0]}”`).join('')));
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 600);  // down to the certificates
  await shot(page, 'certificates-form-desktop-light');
  await dialog.getByRole('button', { name: 'Save changes' }).press('Enter');
  await dialog.waitFor({ state: 'detached' });
  const files = (await stored(page)).entries[0].files;
  assert.deepEqual(files, [
    { id: 'f1', name: 'Ethics – certificate.pdf', type: 'application/pdf', size: pdf.length, sha256: sha256(pdf) },
    { id: 'f2', name: 'badge.png', type: 'image/png', size: png.length, sha256: sha256(png) },
  ]);
  assert.deepEqual((await kept(page)).sort(), [sha256(pdf), sha256(png)].sort());

  // After a reload the row says so, and its details offer each file.
  await page.close();
  page = await open(context, url());
  await page.getByText(/·\s+2 certificates/).first().waitFor();
  await page.getByRole('button', { name: 'Details of \u201CLeave law update\u201D' }).press('Enter');
  const view = page.getByRole('button', { name: 'View \u201Cbadge.png\u201D' });
  await view.waitFor();
  await shot(page, 'certificates-row-desktop-light');
  const opening = context.waitForEvent('page');
  await view.press('Enter');
  const tab = await opening;
  await tab.waitForLoadState();
  assert.match(tab.url(), /^blob:/);
  // The tab shows the image itself (its bytes cannot be fetched back: the page's CSP holds there too).
  const shown = await tab.evaluate(() => ({ type: document.contentType, w: document.images[0]?.naturalWidth, h: document.images[0]?.naturalHeight }));
  assert.deepEqual(shown, { type: 'image/png', w: 1, h: 1 });
  await tab.close();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download \u201CEthics – certificate.pdf\u201D' }).press('Enter');
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'Ethics – certificate.pdf');
  assert.equal(sha256(readFileSync(await download.path())), sha256(pdf));

  // Removed in the form and saved, then undone: both are back.
  await openEntry(page, 'Leave law update');
  await page.getByRole('button', { name: 'Remove \u201Cbadge.png\u201D' }).press('Enter');
  await page.getByRole('button', { name: 'Remove \u201Cbadge.png\u201D' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Save changes' }).press('Enter');
  await until(page, () => window.recert.log().entries[0].files?.length === 1, undefined, 'one certificate left');
  await page.getByRole('button', { name: 'Undo' }).press('Enter');
  await until(page, () => window.recert.log().entries[0].files?.length === 2, undefined, 'both certificates back');

  // Settings says how much the certificates take, and that a JSON backup holds no files.
  await page.getByRole('button', { name: 'Settings' }).press('Enter');
  await page.getByRole('dialog', { name: 'Settings' }).getByText(`Certificates kept in this browser: 2 files, ${pdf.length + png.length} bytes.`, { exact: false })
    .waitFor({ state: 'attached' });
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('[role="dialog"]'), undefined, 'Settings closed');

  // A certificate the browser lost is named as missing, and the log still names it.
  await page.evaluate((sha) => new Promise((resolve) => {
    const req = indexedDB.open('recert', 1);
    req.onsuccess = () => { const tx = req.result.transaction('certificates', 'readwrite'); tx.objectStore('certificates').delete(sha); tx.oncomplete = resolve; };
  }), sha256(png));
  await page.close();
  page = await open(context, url());
  await page.getByRole('button', { name: 'Details of \u201CLeave law update\u201D' }).press('Enter');
  await page.getByText('Not in this browser: restore a backup that carries certificates, or attach it again.').waitFor({ state: 'attached' });
  const missingView = context.waitForEvent('page', { timeout: 3000 }).catch(() => null);
  await page.getByRole('button', { name: 'View \u201Cbadge.png\u201D' }).press('Enter');
  await page.getByText('\u201Cbadge.png\u201D is not kept in this browser', { exact: false }).first().waitFor({ state: 'attached' });
  assert.equal(await missingView, null, 'no tab opens for a file that is not there');
  assert.equal((await stored(page)).entries[0].files.length, 2);
  await context.close();
});

test('too big, not a certificate, storage full: each refused with its reason, the activity kept; a dropped file starts one', async () => {
  const context = await withStored(JSON.stringify(log));
  const page = await open(context, url());
  await openEntry(page, 'Leave law update');
  const dialog = page.getByRole('dialog', { name: 'Edit activity' });
  const big = join(artifacts, 'big scan.pdf');
  writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024)]));
  const text = join(artifacts, 'notes.pdf');  // named .pdf, but its bytes are text
  writeFileSync(text, 'These are my notes, not a certificate.');
  await attach(page, [big, text]);
  const refused = page.locator('[data-id="entry.attach.error"]');
  await until(page, () => document.querySelector('[data-id="entry.attach.error"]')?.textContent.includes('notes.pdf'), undefined, 'both refused');
  assert.equal(await refused.textContent(), '\u201Cbig scan.pdf\u201D is 11 MB: a certificate can be at most 10 MB.\n\u201Cnotes.pdf\u201D is not a PDF, PNG or JPEG file.');
  assert.equal(await dialog.getByRole('button', { name: 'Attach a certificate…' }).getAttribute('aria-description'), await refused.textContent());

  // A quota the file does not fit in: said before anything is written.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 });
  await attach(page, [pngPath]);
  await until(page, () => /“badge\.png” could not be kept: this browser's storage is full\. The activity and the files already attached are kept/
    .test(document.querySelector('[data-id="entry.attach.error"]')?.textContent), undefined, 'storage full said');
  await shot(page, 'certificates-refused-desktop-light');
  await dialog.getByRole('button', { name: 'Save changes' }).press('Enter');
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await stored(page)).entries[0].files, undefined);
  assert.equal((await stored(page)).entries[0].title, 'Leave law update');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });

  // Dropped on the page with no form open: a new activity starts with it.
  await page.evaluate((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'scan.png', { type: 'image/png' }));
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, Array.from(png));
  const fresh = page.getByRole('dialog', { name: 'Log an activity' });
  await fresh.getByRole('listitem').filter({ hasText: 'scan.png' }).waitFor({ state: 'attached' });
  await page.keyboard.type('Badge for the ethics module');
  await fresh.getByRole('button', { name: 'Save activity' }).press('Enter');
  await fresh.waitFor({ state: 'detached' });
  const entries = (await stored(page)).entries;
  assert.equal(entries.length, 2);
  assert.equal(entries[1].files[0].sha256, sha256(png));

  // The activities without a certificate, on their own.
  await page.getByRole('combobox', { name: 'Show' }).press('Enter');
  await page.getByRole('option', { name: 'Without a certificate' }).press('Enter');
  await until(page, () => document.querySelectorAll('[data-id$=".edit"]').length === 1, undefined, 'one row left');
  await page.getByRole('button', { name: 'Edit \u201CLeave law update\u201D' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone, dark: the form offers a photo from the camera beside the files', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark' });
  const setup = await context.newPage();
  await setup.goto(`${origin}/programs/index.json`);
  await setup.evaluate((t) => localStorage.setItem('recert-log', t), JSON.stringify(log));
  await setup.close();
  const page = await open(context, url());
  const cdp = await context.newCDPSession(page);
  const tap = async (locator) => {
    await locator.waitFor();
    await fingerTap(page, cdp, locator);
  };
  await tap(page.getByRole('tab', { name: 'Activities' }));
  await tap(page.getByRole('button', { name: 'Log an activity' }));
  const dialog = page.getByRole('dialog', { name: 'Log an activity' });
  await dialog.getByRole('button', { name: 'Take a photo' }).waitFor();
  await dialog.getByRole('button', { name: 'Attach a certificate…' }).waitFor();
  await shot(page, 'certificates-form-phone-dark');
  await context.close();
});

test('DMEC: the dashboard says what an audit would find missing, and Show them lists those activities', async () => {
  const webinar = { id: 'e2', title: 'FMLA webinar', date: '2025-07-01', credits: '1.5', kind: 'live_webinar', topics: ['fmla'] };
  const context = await withStored(JSON.stringify({ ...log, entries: [...log.entries, webinar] }));
  const page = await open(context, url());
  await page.getByText('For an audit, 1 activity lacks its certificate and 1 its CLMS verification code.').waitFor();
  await page.getByText(/FMLA  ·  .*needs its certificate and CLMS verification code/).first().waitFor({ state: 'attached' });
  await shot(page, 'evidence-dashboard-desktop-light');
  await page.getByRole('button', { name: 'Show them: the activities missing what an audit asks' }).press('Enter');
  await until(page, () => document.querySelectorAll('[data-id$=".edit"]').length === 1, undefined, 'one row left');
  await page.getByRole('button', { name: 'Edit \u201CFMLA webinar\u201D' }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Show' }).textContent(), 'Missing what an audit asks');
  await context.close();
});
