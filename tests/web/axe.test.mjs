// axe-core on every main screen, desktop light and dark and a phone: no violation of impact
// "serious" or "critical". Each screen's full results are kept in test-artifacts/axe/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { artifacts, base, browser, click, importFile, open, shot, until, withStored } from './harness.mjs';

const out = join(artifacts, 'axe');
mkdirSync(out, { recursive: true });

// A NAMSS CPCS credential with a few activities: approved and not, one planned, one duplicate.
const log = JSON.stringify({
  format: 'recert-log', version: 1,
  credentials: [{ id: 'c1', program: 'namss-cpcs', certified_on: '2023-03-01', options: { extension_requested: false } }],
  entries: [
    { id: 'e1', title: 'NAMSS Webinar: Primary Source Verification', provider: 'NAMSS', date: '2025-01-22', credits: 1.5, kind: 'live_webinar', approved: true },
    { id: 'e2', title: 'NAMSS Webinar: Primary Source Verification', provider: 'NAMSS', date: '2025-01-22', credits: 1.5, kind: 'live_webinar', approved: true },
    { id: 'e3', title: 'State MSP fall conference', provider: 'State MSP association', date: '2025-10-09', credits: 6, kind: 'conference', approved: false },
    { id: 'e4', title: 'Bylaws workshop', provider: 'Hospital', date: '2026-12-01', credits: 2, kind: 'course', approved: false },
  ],
});

const profiles = {
  'desktop-light': { viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  'desktop-dark': { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  'phone-light': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'light' },
  'phone-dark': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'dark' },
};

// Runs axe on the page as it stands and saves the results; returns the serious and critical
// violations, one line each. The page's CSP allows no inline or foreign script, so axe's source
// goes in through page.evaluate (the DevTools protocol's Runtime.evaluate, which CSP does not
// govern), not a <script> tag: the page is checked with its real CSP in force.
async function check(page, profile, screen) {
  // The page draws for a moment after input, and the tree follows the drawing: wait until
  // it has been still for a while, so axe reads a settled tree.
  await page.waitForTimeout(600);
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axe.source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations', 'incomplete'] }));
  writeFileSync(join(out, `${profile}-${screen}.json`), JSON.stringify(results, null, 2));
  await shot(page, `axe-${profile}-${screen}`);
  const bad = [];
  for (const v of results.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    for (const n of v.nodes)
      bad.push(`${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`);
  }
  return bad;
}

// A screen is judged only once the semantic tree holds it: axe on a tree with nothing in it
// would pass whatever the page draws.
const present = (page, id) => until(page, (i) => !!document.querySelector(`#semantics [data-id="${i}"]`), id, `#semantics [data-id="${id}"]`);

for (const [profile, options] of Object.entries(profiles)) {
  const phone = !!options.isMobile;
  test(`axe: ${profile}: no serious or critical violation on any main screen`, async () => {
    const problems = [];
    const run = async (page, screen) => { problems.push(...(await check(page, profile, screen))); };

    // The welcome screen (empty log), then the add-credential dialog.
    const fresh = await browser.newContext(options);
    let page = await open(fresh, base);
    await present(page, 'add-credential');
    if (!phone) {
      await run(page, 'welcome');
      await click(page, 'add-credential');
      await present(page, 'credential.program');
      await run(page, 'add-credential');
    }
    await fresh.close();

    // With a credential and a few activities: the dashboard, the activities, the entry form
    // (empty, then with its errors after a failed save), Settings and the import preview.
    const context = await withStored(log, options);
    page = await open(context, base);
    await present(page, 'phase');
    await run(page, 'dashboard');  // on a desktop the activities table is beside it
    if (phone) {
      await click(page, 'tab.activities');
      await present(page, 'add-entry');
      await run(page, 'activities');
    } else {
      await present(page, 'row.e3.delete');
    }
    await click(page, 'add-entry');
    await present(page, 'entry.title');
    await run(page, 'entry-form');
    await click(page, 'entry.save');
    await until(page, () => [...document.querySelectorAll('#semantics [aria-invalid="true"]')].length > 0, undefined, 'the form to show its errors');
    await run(page, 'entry-form-errors');
    await click(page, 'entry.cancel');
    await until(page, () => !document.querySelector('#semantics [role="dialog"]'), undefined, 'the form closed');
    if (!phone) {
      await click(page, 'settings');
      await present(page, 'settings.close');
      await run(page, 'settings');
      await click(page, 'settings.close');
      const csv = join(out, 'import.csv');
      writeFileSync(csv, 'title,date,kind,credits,approved\nEthics refresher,2025-08-01,recording,1,yes\nBroken,2025-13-01,course,1,\n');
      await importFile(page, csv);
      await present(page, 'import.merge');
      await run(page, 'import-preview');
    }
    await context.close();

    assert.ok(problems.length === 0, `axe found ${problems.length} serious or critical violations:\n${problems.join('\n')}`);
  });
}
