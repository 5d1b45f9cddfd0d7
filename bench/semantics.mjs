// What the semantic layer (src/app/semantics.h, platform_semantics.js) costs
// (scripts/bench semantics): in headless Chromium, the main thread's CPU time per frame while
// typing into the entry form's title with 10 and 1,000 entries in the log, with the layer and
// without it; the elements under #semantics and in the whole document with a 10,000-entry
// log; the frames drawn in 5 idle seconds. Prints a Markdown table. Needs build-web/site.
//
//   node bench/semantics.mjs [--site DIR] [--chars N]
//
// "Without the layer" is the page's test-mode switch Module._recert_semantics_off() (main.cpp):
// Dear ImGui stops reporting items and no tree is compared, published or kept in the DOM. The
// typed text then goes straight to the C++ side the way the real input would send it
// (recert_semantic, set_text), one character at a time at the same pace as the keyboard.
import { chromium } from 'playwright-core';
import { benchArgs } from './args.mjs';
import { chromiumOptions, serve } from '../tests/web/launch.mjs';
import { bigLog, counted } from './logs.mjs';

const { site, chars } = benchArgs('semantics.mjs', { chars: 40 });

const server = await serve(site);
const browser = await chromium.launch(chromiumOptions);
const url = `${server.origin}/?test&today=2026-11-26`;
const pace = 80;  // ms between keystrokes: a quick typist
const text = 'Credentialing standards update webinar, part two of three'.repeat(2).slice(0, chars);

async function metrics(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}

async function widget(page, name) {
  for (let i = 0; i < 400; i++) {
    const w = (await page.evaluate(() => window.recert.widgets()))[name];
    if (w) return w;
    await page.waitForTimeout(50);
  }
  throw new Error(`widget ${name} never appeared`);
}

async function press(page, name) {
  const r = await widget(page, name);
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  await page.mouse.down();
  await page.waitForTimeout(60);
  await page.mouse.up();
}

// Waits until no frame has been drawn for a second: input wakes the page for a number of
// frames, which take longer on a busy machine than any fixed wait would allow.
async function settle(page) {
  for (let last = -1, now = await page.evaluate(() => window.__frames); now !== last;) {
    await page.waitForTimeout(1000);
    [last, now] = [now, await page.evaluate(() => window.__frames)];
  }
}

// The page with `log`, its entry form open and the title focused; then `chars` characters typed
// into the title, with the layer on or off. CPU per frame drawn while typing.
async function typing(log, layer) {
  const context = await counted(browser, log);
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => window.recert.ready);
  await press(page, 'add-entry');
  await page.waitForFunction(() => document.activeElement?.dataset?.id === 'entry.title', null, { timeout: 20000 });
  if (!layer) await page.evaluate(() => Module._recert_semantics_off());
  await settle(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const m0 = await metrics(cdp), f0 = await page.evaluate(() => window.__frames);
  for (let i = 1; i <= text.length; i++) {
    if (layer) await page.keyboard.type(text[i - 1]);
    else await page.evaluate((t) => Module.ccall('recert_semantic', null, ['string', 'number', 'string'], ['entry.title', 2, t]), text.slice(0, i));
    await page.waitForTimeout(pace);
  }
  await settle(page);  // the last keystroke's frames
  const m1 = await metrics(cdp), f1 = await page.evaluate(() => window.__frames);
  // The text arrived: with the layer the drawn field's input holds it; without, it is saved.
  const semanticElements = await page.evaluate(() => document.querySelectorAll('#semantics *').length);
  if (layer) {
    const typed = await page.evaluate(() => document.querySelector('#semantics [data-id="entry.title"]').value);
    if (typed !== text) throw new Error(`typed "${typed}", not "${text}"`);
  } else if (semanticElements !== 0) {
    throw new Error(`the layer is off but #semantics holds ${semanticElements} elements`);
  }
  await context.close();
  const frames = f1 - f0;
  return {
    frames,
    perKey: ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / text.length,
    task: ((m1.TaskDuration - m0.TaskDuration) * 1000) / Math.max(1, frames),
    script: ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / Math.max(1, frames),
    layout: ((m1.LayoutDuration - m0.LayoutDuration + m1.RecalcStyleDuration - m0.RecalcStyleDuration) * 1000) / Math.max(1, frames),
  };
}

// A 10,000-entry log on the dashboard (the activity table beside it): elements in the DOM, the
// table's rows and its aria-rowcount (where the page exposes the table), then the frames drawn in 5 idle seconds.
async function big() {
  const context = await counted(browser, bigLog(10000));
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => window.recert.ready);
  await page.waitForFunction(() => document.querySelector('#semantics [data-id="phase"]'), null, { timeout: 60000 });
  await settle(page);  // the start's frames
  const dom = await page.evaluate(() => ({
    semantics: document.querySelectorAll('#semantics *').length,
    rows: document.querySelectorAll('#semantics [role="row"]').length,
    rowcount: document.querySelector('#semantics [aria-rowcount]')?.getAttribute('aria-rowcount') ?? 'none',
    all: document.querySelectorAll('*').length,
  }));
  const f0 = await page.evaluate(() => window.__frames);
  await page.waitForTimeout(5000);
  const idle = (await page.evaluate(() => window.__frames)) - f0;
  await context.close();
  return { ...dom, idle };
}

const results = [];
for (const n of [10, 1000])
  for (const layer of [true, false]) results.push({ n, layer, ...(await typing(bigLog(n), layer)) });
const b = await big();
await browser.close();
await server.stop();

const ms = (x) => `${x.toFixed(2)} ms`;
console.log(`| typing ${text.length} characters into the entry form's title (headless Chromium, SwiftShader) | frames | main thread per frame | script and wasm per frame | style and layout per frame | script and wasm per keystroke |`);
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results)
  console.log(`| ${r.n.toLocaleString('en')} entries, ${r.layer ? 'with the semantic layer' : 'without it'} | ${r.frames} | ${ms(r.task)} | ${ms(r.script)} | ${ms(r.layout)} | ${ms(r.perKey)} |`);
console.log('');
console.log('| 10,000-entry log, dashboard and activity table (1366x860) | measured |');
console.log('|---|---:|');
console.log(`| elements under #semantics | ${b.semantics} (${b.rows} rows of aria-rowcount ${b.rowcount}) |`);
console.log(`| elements in the whole document | ${b.all} |`);
console.log(`| frames drawn in 5 idle seconds | ${b.idle} |`);
