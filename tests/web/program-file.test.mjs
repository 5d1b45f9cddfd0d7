// "Use a program file…", as a member whose association sent its own program file: a broken
// file shows every problem with its place; a valid one becomes a credential, survives a reload
// and travels in a backup restored into a fresh browser profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, artifacts, base, origin, browser, open, shot, click, find, until, importFile, problems } from './harness.mjs';

const program = readFileSync(join(root, 'programs', 'template', 'example-ces.json'), 'utf8');

async function pickProgram(page, file, button = 'credential.program-file') {
  const choosing = page.waitForEvent('filechooser');
  await click(page, button);
  await (await choosing).setFiles(file);
}

test('a broken program file is refused with each place; a valid one becomes a credential kept over a reload and in a backup', async () => {
  const broken = JSON.parse(program);
  delete broken.cycle;
  broken.requirements[0].min = 'lots';
  const brokenPath = join(artifacts, 'broken-program.json');
  writeFileSync(brokenPath, JSON.stringify(broken, null, 2));
  const goodPath = join(artifacts, 'example-ces (1).json');  // as a browser names a second download
  writeFileSync(goodPath, program);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  let page = await open(context, base);
  await page.getByRole('button', { name: 'Add your credential' }).press('Enter');
  await page.getByRole('dialog', { name: 'Add your credential' }).waitFor();
  await page.getByRole('button', { name: 'Use a program file…' }).waitFor();

  await pickProgram(page, brokenPath);
  const refused = page.getByRole('dialog', { name: 'This program file cannot be used' });
  await refused.waitFor();
  const list = refused.getByRole('list', { name: 'Problems in broken-program.json' });
  await list.getByRole('listitem').first().waitFor();
  const items = await list.getByRole('listitem').allTextContents();
  assert.ok(items.some((t) => t.startsWith('/cycle: ')), items.join('\n'));
  assert.ok(items.some((t) => t.startsWith('/requirements/0/min: ')), items.join('\n'));
  await shot(page, 'program-file-refused');
  await refused.getByRole('button', { name: 'Close' }).press('Enter');
  await refused.waitFor({ state: 'detached' });
  assert.equal((await page.evaluate(() => window.recert.log())).programs, undefined);

  await pickProgram(page, goodPath);
  const combo = page.getByRole('combobox', { name: 'Credential and program' });
  await until(page, () => window.recert.log().programs?.[0]?.id === 'example-ces', undefined, 'the program kept');
  await until(page, () => [...document.querySelectorAll('[role="combobox"]')].some((e) => /Example Association CES renewal/.test(e.getAttribute('aria-valuetext') || e.textContent || e.value || '')),
    undefined, 'the form on the new program');
  assert.ok(await combo.count());
  await click(page, 'credential.certified_on.text');
  await page.keyboard.type('2025-03-01');
  await click(page, 'credential.save');
  await page.getByRole('heading', { name: 'Certified Example Specialist (CES)' }).waitFor();
  await shot(page, 'program-file-credential');

  await page.close();
  page = await open(context, base);
  await page.getByRole('heading', { name: 'Certified Example Specialist (CES)' }).waitFor();
  const report = await page.evaluate(() => window.recert.report());
  assert.deepEqual(report.credentials[0].problems ?? [], []);

  await click(page, 'backup');
  const downloading = page.waitForEvent('download');
  await click(page, 'menu.export-json');
  const backupPath = join(artifacts, 'backup-with-program.json');
  await (await downloading).saveAs(backupPath);
  assert.equal(JSON.parse(readFileSync(backupPath, 'utf8')).programs[0].id, 'example-ces');
  await context.close();

  // A fresh profile: restoring the backup brings the program with the credential.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const other = await open(fresh, base);
  await importFile(other, backupPath);
  await find(other, 'import.confirm');
  await other.getByText('It carries 1 program file of its own (example-ces): a merge keeps any program already here as it is.').waitFor();
  await click(other, 'import.confirm');
  await other.getByRole('heading', { name: 'Certified Example Specialist (CES)' }).waitFor();
  const restored = await other.evaluate(() => window.recert.report());
  assert.equal(restored.credentials[0].program, 'example-ces');
  assert.ok(restored.credentials[0].requirements.length >= 2);
  await fresh.close();
  assert.deepEqual(problems, []);
});

test('the site serves the program schema for authors\' editors, and a file naming it in $schema loads', async () => {
  const res = await fetch(`${origin}/programs/schema.json`);
  assert.equal(res.status, 200);
  const schema = await res.json();
  assert.deepEqual(schema, JSON.parse(readFileSync(join(root, 'programs', 'schema.json'), 'utf8')));
  assert.equal(schema.$id, 'https://recert.example/programs/schema.json');
  const named = { $schema: `${origin}/programs/schema.json`, ...JSON.parse(program) };
  const file = join(artifacts, 'named-schema.json');
  writeFileSync(file, JSON.stringify(named, null, 2));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context, base);
  await page.getByRole('button', { name: 'Add your credential' }).press('Enter');
  await page.getByRole('button', { name: 'Use a program file…' }).waitFor();
  await pickProgram(page, file);
  await until(page, () => window.recert.log().programs?.[0]?.id === 'example-ces', undefined, 'the program kept');
  await context.close();
  assert.deepEqual(problems, []);
});

test('the program check (?check, or Settings): every problem of a pasted file, then a preview of a loaded one on the person\'s activities', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let page = await open(context, `${origin}/?test&today=2026-11-26&check`);
  const dialog = page.getByRole('dialog', { name: 'Check a program file' });
  await dialog.waitFor();
  const text = dialog.getByRole('textbox', { name: 'Program file (JSON)' });
  const broken = JSON.parse(program);
  broken.requirements[1].min = 'six';
  delete broken.sources;
  await text.fill(JSON.stringify(broken, null, 2));
  await dialog.getByRole('button', { name: 'Check', exact: true }).press('Enter');
  const list = dialog.getByRole('list', { name: 'Problems' });
  await list.getByRole('listitem').first().waitFor();
  const items = await list.getByRole('listitem').allTextContents();
  assert.ok(items.some((t) => t.startsWith('/requirements/1/min: ')), items.join('\n'));
  assert.ok(items.some((t) => t.startsWith('/sources')), items.join('\n'));
  await shot(page, 'program-check-problems');

  await pickProgram(page, join(artifacts, 'example-ces (1).json'), 'check.load');  // written by the first test
  await dialog.getByText('No problems: recert validate accepts Example Association CES renewal.').waitFor();
  const preview = dialog.getByRole('region', { name: 'Preview' });
  assert.match(await preview.textContent(), /Total credits: 0 \/ 24 credits/);
  await shot(page, 'program-check-preview');
  assert.equal((await page.evaluate(() => window.recert.log())).programs, undefined, 'nothing is kept');
  await dialog.getByRole('button', { name: 'Close', exact: true }).press('Enter');
  await dialog.waitFor({ state: 'detached' });

  // From Settings, for an author who opened the page as a person would.
  await page.getByRole('button', { name: 'Settings', exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Check a program file…', exact: true }).press('Enter');
  await dialog.waitFor();
  await context.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'dark' });
  page = await open(phone, `${origin}/?test&today=2026-11-26&check`);
  await page.getByRole('dialog', { name: 'Check a program file' }).waitFor();
  await page.getByRole('textbox', { name: 'Program file (JSON)' }).fill(program);
  await page.getByRole('button', { name: 'Check', exact: true }).press('Enter');
  await page.getByText('No problems: recert validate accepts Example Association CES renewal.').waitFor();
  await shot(page, 'program-check-phone-dark');
  await phone.close();
  assert.deepEqual(problems, []);
});
