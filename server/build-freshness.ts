import fs from 'node:fs';
import path from 'node:path';

/** What the production build is made from: a build older than any of these is stale. */
const SOURCES = ['src', 'contract', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** 'fresh' when distDir holds a build newer than every source, else 'stale' or 'missing'. */
export function buildFreshness(distDir: string): 'fresh' | 'stale' | 'missing' {
  const builtAt = newestMtime(path.join(distDir, 'index.html'));
  if (!builtAt) return 'missing';
  return builtAt >= Math.max(...SOURCES.map((s) => newestMtime(path.resolve(s)))) ? 'fresh' : 'stale';
}
