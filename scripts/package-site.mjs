#!/usr/bin/env node
// Turns the assembled page (scripts/build-web's build-web/stage) into the site:
//   index.html, manifest.webmanifest, icon.svg, icons/   revalidated on every visit
//   v/VERSION/                                           the page's files, never changed once
//                                                        written: VERSION is a hash of everything
//                                                        in the stage, so a host may cache them for a year
//   fonts/NAME.HASH.ttf                                  fallback fonts, fetched only when a text
//                                                        needs them, named by their content
//   sw.js                                                Workbox's precaching service worker
//   recert.html                                          the whole page in one file, for file://
//
//   node scripts/package-site.mjs --stage DIR --out DIR
//
// The stage holds index.html, manifest.webmanifest, icon.svg and icons/ at its top and the
// page's own files (boot.js, style.css, recert.js, recert.wasm, fonts/, programs/) in app/,
// and the fallback fonts with fonts/fallback.json, their list, in fonts/.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { generateSW } from 'workbox-build';

function usage(problem) {
  console.error(`package-site: ${problem}\nusage: node scripts/package-site.mjs --stage DIR --out DIR`);
  process.exit(2);
}
let stage, out;
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--stage') stage = process.argv[++i];
  else if (a === '--out') out = process.argv[++i];
  else usage(`unknown argument ${a}`);
}
if (!stage || !out) usage('both --stage and --out are needed');
if (!existsSync(join(stage, 'app', 'recert.wasm'))) usage(`${stage} holds no assembled page (app/recert.wasm)`);

// Every file under dir, as paths relative to it with forward slashes, sorted.
function list(dir) {
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((p) => relative(dir, p).split(sep).join('/')).sort();
}

// The fallback fonts get their content in their names, outside v/VERSION/: a copy the service
// worker kept stays good across versions. The page reads their list from its own folder.
const fallbackDir = join(stage, 'fonts');
const fallbacks = existsSync(join(fallbackDir, 'fallback.json')) ? JSON.parse(readFileSync(join(fallbackDir, 'fallback.json'), 'utf8')) : [];
const fallbackFiles = [];  // [site path, stage path]
const named = (file) => {
  const source = join(fallbackDir, file);
  const digest = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 12);
  const path = `fonts/${file.replace(/\.(ttf|otf)$/, `.${digest}.$1`)}`;
  fallbackFiles.push([path, source]);
  return `../../${path}`;  // as the page names its files: from its version's folder
};
const fallbackList = fallbacks.map((f) => ({ file: named(f.file), ...(f.semibold ? { semibold: named(f.semibold) } : {}), ranges: f.ranges }));
writeFileSync(join(stage, 'app', 'fonts', 'fallback.json'), `${JSON.stringify(fallbackList)}\n`);

// One version for the whole page, from the content of every file in it.
const hash = createHash('sha256');
for (const f of list(stage)) hash.update(`${f}\0`).update(readFileSync(join(stage, f))).update('\0');
const version = hash.digest('hex').slice(0, 12);

// Replaces exactly one occurrence of `what`: the page's own markup is the template,
// and a change to it that this script does not know must fail the build, not slip through.
function replaceOnce(text, what, by, where) {
  const at = text.indexOf(what);
  if (at < 0 || text.indexOf(what, at + what.length) >= 0) throw new Error(`${where}: expected one ${what}`);
  return text.slice(0, at) + by + text.slice(at + what.length);
}

const app = join(stage, 'app');
const html = readFileSync(join(stage, 'index.html'), 'utf8');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(app, join(out, 'v', version), { recursive: true });
for (const f of ['manifest.webmanifest', 'icon.svg', 'icons', 'embed.js', 'site.json', 'programs']) cpSync(join(stage, f), join(out, f), { recursive: true });
for (const [path, source] of fallbackFiles) cpSync(source, join(out, path));
let page = replaceOnce(html, 'href="style.css"', `href="v/${version}/style.css"`, 'index.html');
page = replaceOnce(page, 'src="boot.js"', `src="v/${version}/boot.js"`, 'index.html');
writeFileSync(join(out, 'index.html'), page);

// The service worker. The versioned files need no revision of their own (their URL is one), so
// a new service worker fetches them through the HTTP cache; the rest get a content hash each.
// Query strings (?test, ?today=) do not matter to which file is served. No skipWaiting: a new
// version waits until the page asks for it (boot.js's "A new version of Recert is ready").
const sw = await generateSW({
  globDirectory: out,
  globPatterns: ['index.html', 'manifest.webmanifest', 'icon.svg', 'icons/*.png', `v/${version}/**/*`],
  swDest: join(out, 'sw.js'),
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
  cacheId: 'recert',
  cleanupOutdatedCaches: true,
  clientsClaim: false,
  skipWaiting: false,
  ignoreURLParametersMatching: [/./],
  dontCacheBustURLsMatching: /^v\//,
  // Not precached: megabytes that most logs never need. Kept once fetched, for offline use.
  runtimeCaching: [{
    urlPattern: /\/fonts\/[a-z-]+\.[0-9a-f]{12}\.(ttf|otf)$/,
    handler: 'CacheFirst',
    options: { cacheName: 'recert-fallback-fonts', expiration: { maxEntries: 12 } },
  }, {
    // A host's options (README, "Embedding Recert"): the newest when online, the last one
    // read when offline, so the page keeps its name and colours there too.
    urlPattern: /\/site\.json$/,
    handler: 'NetworkFirst',
    options: { cacheName: 'recert-site', networkTimeoutSeconds: 4 },
  }],
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
});
for (const w of sw.warnings) console.error(`package-site: workbox: ${w}`);
if (sw.warnings.length) process.exit(1);

// recert.html: the page, its script, the wasm, the fonts (the fallback fonts too: it has no
// network to fetch them from) and every program file in one file.
// Files go in a JSON data block (not run, so outside the CSP); the scripts (the libraries in
// lib/, recert.js, boot.js) and the style are inline, each allowed by its hash and nothing else. recert.js is wrapped in a function
// that boot.js calls with its Module (the `var Module` inside then keeps the one passed in).
const textFile = /\.(json|js|css|txt)$/;
const files = {};
const libraries = list(app).filter((f) => /^lib\/[A-Za-z]+\.js$/.test(f));
for (const f of list(app)) {
  if (f === 'boot.js' || f === 'style.css' || f === 'recert.js' || libraries.includes(f)) continue;
  const data = readFileSync(join(app, f));
  files[f] = textFile.test(f) ? { text: data.toString('utf8') } : { base64: data.toString('base64') };
}
for (const [path, source] of fallbackFiles) files[`../../${path}`] = { base64: readFileSync(source).toString('base64') };
const inline = (name, closing) => {
  const text = readFileSync(join(app, name), 'utf8');
  if (text.toLowerCase().includes(closing)) throw new Error(`${name} contains ${closing} and cannot be inlined`);
  return text;
};
const style = `\n${inline('style.css', '</style')}`;
const runtime = `\nwindow.recertRuntime = function (Module) {\n${inline('recert.js', '</script')}\n};\n`;
const boot = `\n${inline('boot.js', '</script')}`;
// The libraries the hosted page loads when first needed (boot.js's recertLibrary), here from the start.
const libs = libraries.map((f) => `\n${inline(f, '</script')}\n`);
// In a data block only </script would end it early; JSON allows \u003c for every <.
const data = JSON.stringify({ version, files }).replace(/</g, '\\u003c');
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${[...libs, runtime, boot].map(sha).join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${sha(style)}`,
  'img-src data: blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const svg = readFileSync(join(stage, 'icon.svg'), 'utf8').replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ').trim();

let single = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (single === html) throw new Error('index.html: no Content-Security-Policy meta to replace');
single = single.replace(/<!-- No inline scripts[\s\S]*?-->\n/, '<!-- recert.html: Recert in one file (scripts/package-site.mjs writes it). Its CSP allows its own\n     scripts and its style by hash, and nothing from anywhere else. -->\n');
single = replaceOnce(single, '<link rel="manifest" href="manifest.webmanifest">\n', '', 'index.html');
single = replaceOnce(single, '<link rel="apple-touch-icon" href="icons/apple-touch-icon.png">\n', '', 'index.html');
single = replaceOnce(single, '<link rel="icon" href="icon.svg" type="image/svg+xml">',
                     `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(svg)}" type="image/svg+xml">`, 'index.html');
single = replaceOnce(single, '<link rel="stylesheet" href="style.css">', `<style>${style}</style>`, 'index.html');
single = replaceOnce(single, '<script src="boot.js" defer></script>\n', '', 'index.html');
single = replaceOnce(single, '</body>',
                     `<script type="application/json" id="recert-files">${data}</script>\n${libs.map((l) => `<script>${l}</script>\n`).join('')}` +
                       `<script>${runtime}</script>\n<script>${boot}</script>\n</body>`,
                     'index.html');
writeFileSync(join(out, 'recert.html'), single);

console.log(`package-site: version ${version}; the service worker precaches ${sw.count} files (${sw.size} bytes)`);
