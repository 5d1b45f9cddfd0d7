// The renewal packet, as a person meets it. Its print view: "Print renewal summary" pressed from
// the keyboard puts the packet's summary (the core's make_packet) into an HTML page that only
// print shows, and opens the browser's print dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { origin, open, shot, until, withStored, withCertificates, artifacts, problems } from './harness.mjs';

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
  await shot(page, 'settings-name-desktop-light');
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

// The PDF packet: a certificate PDF, an image, a password-protected PDF and a file the browser
// lost, attached to four counted activities; the PDF made from the keyboard and read back with
// poppler (pdfinfo, pdftotext, pdffonts), as a certifying body's reviewer would open it.
test('Renewal packet (PDF): the summary in selectable text, then each certificate it can append', async () => {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const certificate = async (text) => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([612, 792]).drawText(text, { x: 72, y: 700, size: 20, font });
    return Buffer.from(await doc.save());
  };
  const pdf = await certificate('Certificate of attendance: FMLA and ADA day');
  // The image: a second certificate, rendered to PNG as a phone photo of it would be a picture.
  const drawn = join(artifacts, 'packet-badge-source.pdf');
  writeFileSync(drawn, await certificate('Badge: Leave law update'));
  execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', drawn, join(artifacts, 'packet-badge')]);
  const png = readFileSync(join(artifacts, 'packet-badge.png'));
  // Encrypted: its trailer names an /Encrypt dictionary, which pdf-lib will not copy pages from.
  const locked = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
                             '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj 4 0 obj<</Filter/Standard/V 1/R 2/O(x)/U(x)/P -4>>endobj\n' +
                             'trailer<</Root 1 0 R/Encrypt 4 0 R>>\n%%EOF\n');
  const lost = Buffer.from('%PDF-1.4 never stored');
  const sha = (b) => createHash('sha256').update(b).digest('hex');
  const file = (id, name, type, bytes) => ({ id, name, type, size: bytes.length, sha256: sha(bytes) });
  const withFiles = {
    ...log,
    entries: [
      { ...log.entries[0], code: 'DMEC-4471', files: [file('f1', 'FMLA day.pdf', 'application/pdf', pdf)] },
      log.entries[1],
      { id: 'e3', title: 'Leave law update', provider: 'DMEC', date: '2026-03-04', credits: '1.5', kind: 'live_webinar', topics: ['fmla'],
        code: 'CLMS-77', files: [file('f2', 'badge.png', 'image/png', png)] },
      { id: 'e4', title: 'ADA refresher', date: '2025-09-01', credits: '1', kind: 'live_webinar', topics: ['fmla'], code: 'CLMS-12',
        files: [file('f3', 'locked.pdf', 'application/pdf', locked)] },
      { id: 'e5', title: 'Absence summit', date: '2026-05-01', credits: '2', kind: 'live_webinar', topics: ['fmla'], code: 'CLMS-30',
        files: [file('f4', 'summit.pdf', 'application/pdf', lost)] },
    ],
  };
  // In IndexedDB, as the entry form keeps them; not the lost one.
  const context = await withCertificates(JSON.stringify(withFiles), [['application/pdf', pdf], ['image/png', png], ['application/pdf', locked]]);

  const page = await open(context, `${origin}/?test&today=2026-11-26`);
  assert.deepEqual(await page.evaluate(() => [typeof window.PDFLib, typeof window.fontkit, typeof window.RecertPacket]),
                   ['undefined', 'undefined', 'undefined'], 'the packet\'s scripts are not loaded with the page');
  const button = page.getByRole('button', { name: 'Renewal packet (PDF)', exact: true });
  await button.waitFor({ state: 'attached' });
  await button.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'recert-packet-dmec-clms-2026-11-26.pdf');
  const saved = join(artifacts, 'renewal-packet.pdf');
  await download.saveAs(saved);
  await until(page, () => /Renewal packet saved/.test(document.getElementById('announce').textContent), undefined, 'the packet saved');
  const said = await page.locator('#announce').textContent();
  const counted = /Renewal packet saved to your downloads: (\d+) pages, the summary's (\d+) then 2 pages of certificates\./.exec(said);
  assert.ok(counted, `the toast says the pages: ${said}`);
  assert.match(said, /Not in it: \u201Clocked\.pdf\u201D is password-protected, so its pages cannot be copied and \u201Csummit\.pdf\u201D is not kept in this browser/);

  // Page count = the summary's pages + one for the certificate PDF + one for the image.
  const info = execFileSync('pdfinfo', [saved], { encoding: 'utf8' });
  const summary = Number(counted[2]);
  assert.equal(Number(/^Pages:\s+(\d+)/m.exec(info)[1]), summary + 2);
  assert.equal(Number(counted[1]), summary + 2);
  assert.match(info, /^Title:\s+Renewal packet: DMEC CLMS$/m);
  const text = (first, last) => execFileSync('pdftotext', ['-layout', '-f', String(first), '-l', String(last), saved, '-'], { encoding: 'utf8' });
  const body = text(1, summary).replace(/\s+/g, ' ');
  for (const want of ['Renewal packet: DMEC CLMS', 'Certified Leave Management Specialist (CLMS)', 'Feb 10, 2025 to Feb 10, 2027',
                      '17 CEUs earned of 20 CEUs required: 3 still to earn.', 'DMEC-4471', 'CLMS-77', 'CLMS-12', 'FMLA and ADA day',
                      'Before the cycle', 'Pass the recertification exam',
                      '4 certificates are attached to the activities counted; the PDF packet appends 2 of them in this order, and could not append the 2 flagged below.',
                      'Not in this PDF: the file is password-protected, so its pages cannot be copied',
                      'Not in this PDF: the file is not kept in this browser', `Page 1 of ${summary}`])
    assert.ok(body.includes(want), `the summary says "${want}"`);
  // Then the certificates, in date order: the PDF's own page (its text as it was), the image under its caption.
  assert.match(text(summary + 1, summary + 1), /Certificate of attendance: FMLA and ADA day/);
  const imagePage = text(summary + 2, summary + 2).replace(/\s+/g, ' ');
  assert.ok(imagePage.includes('Mar 4, 2026 \u00B7 Leave law update') && imagePage.includes('badge.png'), imagePage);
  assert.match(execFileSync('pdfimages', ['-list', '-f', String(summary + 2), '-l', String(summary + 2), saved], { encoding: 'utf8' }), /image\s+\d+\s+\d+/);
  // The page's own font, embedded, so the text is selectable and looks as it does on screen.
  assert.match(execFileSync('pdffonts', [saved], { encoding: 'utf8' }), /Inter-Regular\S*\s+CID Type 0C.*yes/);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', String(summary + 2), saved, join(artifacts, 'renewal-packet-page')]);
  await context.close();
  assert.deepEqual(problems, []);  // nothing the page's CSP refused, no error
});

// To look at: the three buttons of "Dates ahead" on a desktop in dark and on a phone in light,
// where they wrap to fit.
test('the packet buttons beside Add to calendar, desktop dark and phone light', async () => {
  for (const [name, options] of [['desktop-dark', { colorScheme: 'dark' }],
                                 ['phone-light', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }]]) {
    const context = await withStored(JSON.stringify(log), options);
    const page = await open(context, `${origin}/?test&today=2026-11-26`);
    const button = page.getByRole('button', { name: 'Renewal packet (PDF)', exact: true });
    // A phone attaches a card's nodes once it scrolls into view: scroll down to it.
    for (let i = 0; i < 20 && !(await button.count()); i++) {
      await page.mouse.move(195, 600);
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(150);
    }
    await button.waitFor({ state: 'attached' });
    await page.mouse.wheel(0, 200);  // the whole card in view
    await page.waitForTimeout(150);
    const w = (await page.evaluate(() => window.recert.widgets()))['packet.pdf'];
    assert.ok(w, 'the PDF button is on screen');
    // Both buttons on the card, inside the view's width.
    const print = (await page.evaluate(() => window.recert.widgets()))['packet.print'];
    assert.ok(print && w.x + w.w <= page.viewportSize().width && print.x + print.w <= page.viewportSize().width, 'the buttons fit the width');
    await shot(page, `packet-buttons-${name}`);
    await context.close();
  }
});
