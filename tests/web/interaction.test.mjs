// What a person does with a pointer besides clicking: scrolling with the wheel, resizing the
// window and zooming. None of it may log an error, the way every wheel turn used to log
// "Unable to preventDefault inside passive event listener".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { origin, root, widgets, withStored, until, showActivities } from './harness.mjs';

const example = (name) => readFileSync(join(root, 'programs', 'examples', `${name}.json`), 'utf8');

// Every console error and warning of the page but the software renderer's performance notes.
function complaints(page) {
  const seen = [];
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !/GL Driver Message/.test(m.text())) seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

async function openWith(context, url) {
  const page = await context.newPage();
  const seen = complaints(page);
  await page.goto(url);
  await page.evaluate(() => window.recert.ready);
  return { page, seen };
}

const firstRow = async (page) => {
  const w = await widgets(page);
  const rows = Object.keys(w).filter((k) => /^row\.[^.]+$/.test(k)).sort((a, b) => w[a].y - w[b].y);
  return rows.length ? { id: rows[0], ...w[rows[0]] } : null;
};

test('the wheel scrolls the activities and the dashboard, resizing and zooming log nothing', async () => {
  const context = await withStored(example('namss-cpcs'));
  const { page, seen } = await openWith(context, `${origin}/?test&today=2026-11-20`);
  await showActivities(page);
  const before = await firstRow(page);
  assert.ok(before, 'the activities have rows');
  // Over the activities: the table scrolls, its first row moves up or out.
  await page.mouse.move(before.x + before.w / 2, before.y + before.h / 2);
  for (let i = 0; i < 5; ++i) { await page.mouse.wheel(0, 120); await page.waitForTimeout(60); }
  await until(page, (b) => {
    const w = window.recert.widgets();
    return !w[b.id] || w[b.id].y < b.y - 50;
  }, before, 'the activities scrolled');
  // Over the dashboard, and sideways.
  await page.mouse.move(200, 500);
  await page.mouse.wheel(0, 240);
  await page.mouse.wheel(120, 0);
  await page.mouse.wheel(0, -240);
  // Resized to a phone and back, as a window is dragged narrower.
  for (const size of [{ width: 390, height: 844 }, { width: 800, height: 600 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    await page.mouse.move(size.width / 2, size.height / 2);
    await page.mouse.wheel(0, 200);
  }
  // Zoom as a person does it: Ctrl with the wheel, then the pixel ratio of a zoomed page.
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.mouse.wheel(0, 100);
  await page.keyboard.up('Control');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
  await page.waitForTimeout(400);
  await page.mouse.wheel(0, 200);
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await page.waitForTimeout(400);
  await showActivities(page);
  assert.deepEqual(seen, []);
  await context.close();
});

test('the timeline says in words every date it draws, two on one day as one, and where today is', async () => {
  const context = await withStored(example('namss-cpcs'));
  const { page, seen } = await openWith(context, `${origin}/?test&today=2026-11-20`);
  const timeline = page.getByRole('img', { name: /^Timeline from / });
  // Below the steps on the dashboard: scrolled to with the wheel, as a person would (a node out
  // of view has no element).
  await page.getByRole('heading', { name: 'Requirements' }).waitFor();
  await page.mouse.move(250, 500);
  for (let i = 0; i < 20 && !(await timeline.count()); ++i) { await page.mouse.wheel(0, 120); await page.waitForTimeout(80); }
  await timeline.waitFor({ state: 'attached' });
  const name = await timeline.getAttribute('aria-label');
  // NAMSS: Dec 1 and Dec 31 a month apart, two dates on Jun 1; today between Aug 1 and Dec 1.
  assert.equal(name, 'Timeline from Mar 1, 2023: Aug 1, 2026 (passed), today (Nov 20, 2026), Dec 1, 2026, Dec 31, 2026 and Jun 1, 2027 (2 dates)');
  // Each of its dates is in the list below it with what it means.
  for (const date of ['Dec 1, 2026', 'Dec 31, 2026', 'Jun 1, 2027'])
    assert.ok(await page.getByRole('listitem').filter({ hasText: date }).count() >= 1, `${date} is in the list`);
  assert.deepEqual(seen, []);
  await context.close();
});
