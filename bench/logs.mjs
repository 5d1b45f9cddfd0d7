// Generated logs the page benchmarks (bench/page.mjs, bench/semantics.mjs) load, and the
// browser context they load them in.
import { countFrames } from '../tests/web/launch.mjs';

// A NAMSS CPCS log of `n` entries across the cycle, some approved, a few duplicates.
export function bigLog(n) {
  const words = ['Credentialing', 'Standards', 'Update', 'Primary', 'Source', 'Verification', 'Peer', 'Review', 'Telehealth',
                 'Privileging', 'Bylaws', 'Accreditation', 'Workshop', 'Essentials', 'Advanced', 'Medical', 'Staff'];
  let seed = 12345;
  const rnd = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  const start = Date.UTC(2023, 2, 1), span = Date.UTC(2026, 11, 20) - start;
  const list = [];
  for (let i = 0; i < n; i++) {
    const title = Array.from({ length: 3 + rnd(4) }, () => words[rnd(words.length)]).join(' ') + ' ' + (1 + rnd(400));
    const date = new Date(start + Math.floor((rnd(1000000) / 1000000) * span)).toISOString().slice(0, 10);
    const e = { id: `e${i + 1}`, title, provider: ['NAMSS', 'State MSP association', 'Hospital', 'Vendor'][rnd(4)], date,
                credits: [1, 1, 1.5, 2, 0.75, 4, 10][rnd(7)], kind: ['live_webinar', 'recording', 'conference', 'course'][rnd(4)],
                approved: rnd(10) < 6 };
    if (i > 0 && rnd(50) === 0) Object.assign(e, { title: list[i - 1].title, date: list[i - 1].date, provider: list[i - 1].provider });
    list.push(e);
  }
  return JSON.stringify({
    format: 'recert-log', version: 1,
    credentials: [{ id: 'c1', program: 'namss-cpcs', certified_on: '2023-03-01', options: { extension_requested: false } }],
    entries: list,
  });
}

// A desktop-sized context that counts frames (window.__frames) and whose first page finds
// `log` stored (none: an empty store); a reload keeps what the page saved since.
export async function counted(browser, log, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, ...options });
  await context.addInitScript(countFrames);
  if (log) await context.addInitScript((text) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('recert-log', text); sessionStorage.setItem('seeded', '1'); } }, log);
  return context;
}
