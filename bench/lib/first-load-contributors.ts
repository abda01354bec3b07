// What the inbox's first-load JS is made of, by package: each loaded file's gzip size shared among the modules the
// build put in it (vite.config.ts records chunk → module → the gzip size of its code alone), in proportion to those.
import fs from 'node:fs';
import path from 'node:path';

/** Written by the `chunk-modules` plugin in vite.config.ts. */
const CHUNK_MODULES_FILE = '.vite/chunk-modules.json';

/** A module id's owner: its npm package, or the app's own folder (src/features/inbox/list → "src/features/inbox"). */
export function ownerOf(id: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
  if (pkg) return pkg;
  const src = /(?:^|\/)((?:src|contract)\/.*)$/.exec(id)?.[1];
  if (!src) return '(bundler runtime)';
  const parts = src.split('/');
  return parts[0] === 'src' && parts[1] === 'features' ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
}

/**
 * `files`: the loaded files (`/assets/x.js`) with their gzip sizes. Answers owner → gzip bytes, largest first, or
 * undefined when the build carries no module record (a build from before the record existed).
 */
export function contributorsByPackage(distDir: string, files: { file: string; gzip: number }[]) {
  const recordFile = path.join(distDir, CHUNK_MODULES_FILE);
  if (!fs.existsSync(recordFile)) return undefined;
  const chunks = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as Record<string, Record<string, number>>;
  const byOwner = new Map<string, number>();
  for (const { file, gzip } of files) {
    const modules = chunks[file.replace(/^\//, '')];
    if (!modules) continue;
    const rendered = Object.values(modules).reduce((s, n) => s + n, 0);
    if (!rendered) continue;
    for (const [id, length] of Object.entries(modules)) {
      const owner = ownerOf(id);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + (gzip * length) / rendered);
    }
  }
  return [...byOwner].sort((a, b) => b[1] - a[1]);
}
