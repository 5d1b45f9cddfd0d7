// What the browser tests and the page benchmarks (bench/) share, without test hooks: the
// built site served by web/serve.mjs on a port, and headless Chromium as this machine runs it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Debian's Chromium, rendering WebGL2 in software; no background traffic to hosts this
// network refuses. In a UTF-8 locale, as a person's desktop is: a bare root (fresh Debian,
// no LANG) gives Chromium the C locale, where a file named "Ethics – certificate.pdf"
// cannot be read from disk.
export const chromiumOptions = {
  executablePath: '/usr/bin/chromium',
  env: /utf-?8/i.test(process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || '') ? process.env : { ...process.env, LC_ALL: 'C.UTF-8' },
  args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
         '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

// Serves `dir` with web/serve.mjs on `port` (0: one the system picks). Resolves once it listens.
export function serve(dir, port = 0) {
  const child = spawn(process.execPath, [join(root, 'web', 'serve.mjs'), '--root', dir, '--port', String(port)], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.stdout.on('data', (d) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(String(d));
      if (!m) return;
      const p = Number(m[1]);
      resolve({
        port: p,
        origin: `http://127.0.0.1:${p}`,
        // Resolves once the server has exited.
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill();
        }),
      });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err.trim()}`)));
  });
}

// An init script: counts frames (requestAnimationFrame callbacks) and notes when the first one
// ended, in window.__frames and window.__firstFrame (ms since navigation).
export const countFrames = () => {
  window.__frames = 0;
  window.__firstFrame = null;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    cb(t);
    window.__frames++;
    if (window.__firstFrame === null) window.__firstFrame = performance.now();
  });
};

// Keeps each certificate in `context`'s IndexedDB under its hash, as the entry form does
// (platform_certificates.js), from a page of `origin` that does not start the app.
// `certificates`: [type, bytes] pairs.
export async function storeCertificates(context, origin, certificates) {
  const setup = await context.newPage();
  await setup.goto(`${origin}/programs/index.json`);
  await setup.evaluate((records) => new Promise((resolve, reject) => {
    const req = indexedDB.open('recert', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('certificates');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction('certificates', 'readwrite');
      for (const r of records) tx.objectStore('certificates').put({ type: r.type, size: r.bytes.length, added: Date.now(), bytes: new Uint8Array(r.bytes).buffer }, r.sha);
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), certificates.map(([type, bytes]) => ({ type, sha: createHash('sha256').update(bytes).digest('hex'), bytes: [...bytes] })));
  await setup.close();
}
