// The program files written beyond the seeds, as a person meets their rules on the page: PMP's
// carry-over of PDUs from a cycle's last year, and ASHA's interval that begins the January 1
// after certification and counts hours only as a learner. Found by role and name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { origin, open, shot, problems, withStored, root, showActivities } from './harness.mjs';

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function dashboard(log, today, options) {
  const context = await withStored(JSON.stringify(log), options);
  const page = await open(context, `${origin}/?test&today=${today}`);
  await page.getByRole('list', { name: 'Requirements' }).waitFor();
  return { context, page };
}

// The region a requirement's name opens, from the keyboard.
async function explain(page, name) {
  await page.getByRole('button', { name, exact: true }).press('Enter');
  const region = page.getByRole('region', { name: `Activities behind ${name}` });
  await region.waitFor();
  return region;
}

// PMP renewed through 2024-03-15 with 85 PDUs: 25 beyond the 60 from its last year, 20 of them carried.
const pmp = {
  format: 'recert-log', version: 1,
  credentials: [{ id: 'c1', program: 'pmi-pmp', certified_on: '2021-03-15', renewed_through: '2024-03-15', options: {} }],
  entries: [
    { id: 'ww', title: 'Agile delivery', date: '2021-06-01', credits: '20', kind: 'course', topics: ['ways_of_working'] },
    { id: 'ps', title: 'Negotiation', date: '2021-07-01', credits: '20', kind: 'course', topics: ['power_skills'] },
    { id: 'ba', title: 'Project finance', date: '2021-08-01', credits: '20', kind: 'course', topics: ['business_acumen'] },
    { id: 'extra', title: 'Leading remote teams', date: '2023-06-01', credits: '25', kind: 'course', topics: ['power_skills'] },
  ],
};

for (const [profile, options] of [['desktop-dark', { colorScheme: 'dark' }], ['phone-light', { ...phone, colorScheme: 'light' }]]) {
  test(`PMP (${profile}): 20 PDUs carried over from the last cycle's final year count, and the page says why`, async () => {
    const { context, page } = await dashboard(pmp, '2024-12-01', options);
    const region = await explain(page, 'Total PDUs');
    const text = await region.textContent();
    assert.match(text, /Counted here: 20 of 60 PDUs/);
    assert.match(text, /Leading remote teams\s+·\s+20 PDUs: carried over from the cycle that ended 2024-03-15: 20 of its 25 PDUs were more than that cycle needed/);
    assert.match(text, /Agile delivery: dated 2021-06-01, outside the cycle 2024-03-16 to 2027-03-15/);
    await shot(page, `rules-pmp-carry-over-${profile}`);
    await context.close();
  });
}

const asha = JSON.parse(readFileSync(join(root, 'programs/examples/asha-ccc.json'), 'utf8'));

for (const [profile, options] of [['desktop-light', { colorScheme: 'light' }], ['phone-dark', { ...phone, colorScheme: 'dark' }]]) {
  test(`ASHA (${profile}): the interval from the January 1 after certification, presenting earns nothing`, async () => {
    const { context, page } = await dashboard(asha, '2026-11-26', options);
    assert.ok((await page.evaluate(() => window.recert.programs())).some((p) => p.id === 'asha-ccc'));
    await page.getByRole('button', { name: 'PDHs in cultural competency or DEI', exact: true }).waitFor();
    const region = await explain(page, 'Professional development hours');
    const text = await region.textContent();
    assert.match(text, /Counted here: 24 of 30 PDHs/);
    assert.match(text, /Pediatric Feeding Disorders: Assessment: dated 2023-10-20, outside the cycle 2024-01-01 to 2026-12-31/);
    assert.doesNotMatch(text, /Presenting: Stuttering/);  // presenting fits no requirement at all
    // Its row says why it counts for nothing: its kind, not a missing topic.
    await shot(page, `rules-asha-${profile}`);
    await showActivities(page);
    const why = page.locator('[aria-description="its kind, Presentation, counts toward no requirement of ASHA CCC"]');
    // A phone lays out the cards below the fold as they are scrolled to.
    for (let i = 0; i < 12 && await why.count() === 0; i++) {
      await page.mouse.wheel(0, 500);
      await page.waitForTimeout(150);
    }
    assert.equal(await why.count(), 1);
    await shot(page, `rules-asha-activities-${profile}`);
    await context.close();
  });
}

test('no console or page errors', () => {
  assert.deepEqual(problems, []);
});
