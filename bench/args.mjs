// The page benchmarks' command line, one parser for all: --site DIR (the built site, by
// default build-web/site) and the numeric options each names with its default.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// `needs`: the file the built site must hold for the benchmark to run.
export function benchArgs(name, options, needs = 'index.html') {
  const out = { site: join(root, 'build-web', 'site'), ...options };
  for (let i = 2; i < process.argv.length; i++) {
    const a = process.argv[i], key = a.replace(/^--/, '');
    if (a === '--site') out.site = process.argv[++i];
    else if (a.startsWith('--') && key in options) out[key] = Number(process.argv[++i]);
    else { console.error(`${name}: unknown argument ${a}`); process.exit(2); }
  }
  if (!existsSync(join(out.site, needs))) {
    console.error(`${name}: no built site at ${out.site}; run scripts/build-web`);
    process.exit(1);
  }
  return out;
}
