#!/usr/bin/env node
// Serves the built page (build-web/site, from scripts/build-web) on http://127.0.0.1:8080.
// No dependencies: node:http and the file system only.
//
//   node web/serve.mjs [--port N] [--root DIR]     (the PORT environment variable works too)
//
// Every response carries the page's Content-Security-Policy as a header as well as in
// index.html's <meta>, so a page that needs eval or inline code fails here as it would
// on a strict host.
//
// Caching as a host should do it (README, "Hosting"): the files under v/VERSION/ never change
// once written (VERSION is a hash of their content), so browsers may keep them for a year
// without asking; everything else (index.html, sw.js, the manifest, icons, recert.html) is
// revalidated on every use, so a new version is seen at once.
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat, realpath } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".otf": "font/otf",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

function usage(problem) {
  console.error(`serve: ${problem}\nusage: node web/serve.mjs [--port N] [--root DIR]`);
  process.exit(2);
}

// Options: --port N / --port=N, --root DIR / --root=DIR.
let port = process.env.PORT || "8080";
let root = fileURLToPath(new URL("../build-web/site/", import.meta.url));
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split(/=(.*)/s, 2);
  const value = () => inline ?? args[++i] ?? usage(`${flag} needs a value`);
  if (flag === "--port") port = value();
  else if (flag === "--root") root = value();
  else usage(`unknown argument ${args[i]}`);
}
if (!/^\d+$/.test(String(port)) || Number(port) > 65535) usage(`not a port number: ${port}`);
port = Number(port);

let rootReal;
try {
  rootReal = await realpath(resolve(root));
  if (!(await stat(rootReal)).isDirectory()) throw new Error("not a folder");
} catch {
  console.error(`serve: ${root} is not there: build the site first with ./scripts/build-web`);
  process.exit(1);
}

const baseHeaders = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-cache",
};
const immutable = "public, max-age=31536000, immutable";

function send(res, status, text, extra = {}) {
  const body = `${text}\n`;
  res.writeHead(status, {
    ...baseHeaders,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    ...extra,
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

// The file a URL path names inside the root, or null. Decodes once, refuses NUL bytes,
// and checks the real path (after symbolic links) is still inside the root.
async function locate(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes("\0") || !path.startsWith("/")) return null;
  let file = join(rootReal, path);
  if (file !== rootReal && !file.startsWith(rootReal + sep)) return null;
  try {
    file = await realpath(file);
    if (file !== rootReal && !file.startsWith(rootReal + sep)) return null;
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file);
    }
    return info.isFile() ? { file, info } : null;
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "Method not allowed", { Allow: "GET, HEAD" });
    return;
  }
  let pathname;
  try {
    pathname = new URL(req.url, "http://localhost").pathname;
  } catch {
    send(res, 400, "Bad request");
    return;
  }
  const found = await locate(pathname);
  if (!found) {
    send(res, 404, "Not found");
    return;
  }
  const { file, info } = found;
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    ...baseHeaders,
    "Content-Type": MIME[extname(file).toLowerCase()] || "application/octet-stream",
    // A version's folder, and the fallback fonts, named by their content: never change.
    ...(pathname.startsWith("/v/") || /^\/fonts\/[a-z-]+\.[0-9a-f]{12}\.(ttf|otf)$/.test(pathname) ? { "Cache-Control": immutable } : {}),
    ETag: etag,
    "Last-Modified": info.mtime.toUTCString(),
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers["Content-Length"] = info.size;
  res.writeHead(200, headers);
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
});

server.on("error", (err) => {
  const why = err.code === "EADDRINUSE" ? `port ${port} is in use (try --port)` : err.message;
  console.error(`serve: ${why}`);
  process.exit(1);
});

server.listen(port, "127.0.0.1", () => {
  const { port: actual } = server.address();
  console.log(`serve: serving ${rootReal} at http://127.0.0.1:${actual}/`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
