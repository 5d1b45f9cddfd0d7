// "Why is this requirement not met?" and "where did this activity go?", answered on the page:
// a requirement's name opens the activities behind its figure, found by role and name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { origin, open, shot, click, problems, withStored } from './harness.mjs';

// ALA CLM recertification, certified 2024-06-15, on 2025-06-01: Human Resources has 2 of its
// 3 hours from a session of its own, so a 2-hour session tagged with Human Resources and
// Financial Management covers more in Financial Management (2 hours) than in HR (1).
const log = {
  format: 'recert-log', version: 1,
  credentials: [{ id: 'c1', program: 'ala-clm-recert', certified_on: '2024-06-15', options: {} }],
  entries: [
    { id: 'e1', title: 'Hiring well', date: '2025-01-10', minutes: 120, kind: 'conference', topics: ['hr'] },
    { id: 'e2', title: 'Budgeting for staffing', date: '2025-02-10', minutes: 120, kind: 'conference', topics: ['hr', 'fm'] },
    { id: 'e3', title: 'Lunch talk on leases', date: '2025-03-10', minutes: 45, kind: 'conference', topics: ['om'] },
  ],
};

async function dashboard(options = {}) {
  const context = await withStored(JSON.stringify(log), options);
  const page = await open(context, `${origin}/?test&today=2025-06-01`);
  await page.getByRole('list', { name: 'Requirements' }).waitFor();
  return { context, page };
}

// Opens a requirement's drill-down by its name, from the keyboard (or with the mouse on the
// canvas, by the widget's id), and returns the region it shows.
async function explain(page, name, widget) {
  const button = page.getByRole('button', { name, exact: true });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  if (widget) await click(page, widget);
  else await button.press('Enter');
  const region = page.getByRole('region', { name: `Activities behind ${name}` });
  await region.waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await button.getAttribute('aria-controls'), await region.getAttribute('id'));
  return region;
}

test('ALA: the two-area session went to Financial Management, and both areas say so', async () => {
  const { context, page } = await dashboard();
  const fm = await explain(page, 'Financial Management', 'requirement.fm.explain');
  const fmText = await fm.textContent();
  assert.match(fmText, /Counted here: 2 of 3 hours, 1 hour to go/);
  assert.match(fmText, /Feb 10, 2025\s+·\s+Budgeting for staffing\s+·\s+2 hours/);
  await shot(page, 'explain-ala-fm-desktop-light');

  // One open at a time: HR's replaces FM's.
  const hr = await explain(page, 'Human Resources Management');
  await fm.waitFor({ state: 'detached' });
  const hrText = await hr.textContent();
  assert.match(hrText, /Counted here: 2 of 3 hours, 1 hour to go/);
  assert.match(hrText, /Hiring well\s+·\s+2 hours/);
  assert.match(hrText, /Budgeting for staffing\s+·\s+2 hours: counted toward Financial Management instead, which needed it more/);
  // The body's own words on what counts, with the source named.
  assert.match(hrText, /What counts, in ALA’s words: “.+” \(ALA: How to determine/);
  await shot(page, 'explain-ala-hr-desktop-light');
  await context.close();
});

test('ALA: a session under 60 minutes is listed where it would count, with why it earns nothing', async () => {
  const { context, page } = await dashboard();
  const om = await explain(page, 'Operations Management');
  const text = await om.textContent();
  assert.match(text, /Counted here: 0 of 3 hours, 3 hours to go/);
  assert.match(text, /No activity counts toward it yet/);
  assert.match(text, /Lunch talk on leases: 45 minutes; sessions shorter than 60 minutes earn nothing/);
  await context.close();
});

test('the drill-down reads on a phone and in dark mode', async () => {
  for (const [name, options] of [
    ['phone-light', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }],
    ['phone-dark', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'dark' }],
    ['desktop-dark', { colorScheme: 'dark' }],
  ]) {
    const { context, page } = await dashboard(options);
    const hr = await explain(page, 'Human Resources Management');
    assert.match(await hr.textContent(), /which needed it more/);
    // The browser scrolling an element into view must not move the layer off the drawing.
    await hr.evaluate((e) => e.scrollIntoView());
    await page.waitForTimeout(100);
    assert.deepEqual(await page.evaluate(() => [document.getElementById('semantics').scrollTop, document.getElementById('semantics').scrollLeft]), [0, 0]);
    await shot(page, `explain-ala-hr-${name}`);
    await context.close();
  }
});

test('no console errors in any of the above', () => {
  assert.deepEqual(problems, []);
});
