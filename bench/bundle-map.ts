// `npx tsx bench/bundle-map.ts`: what the inbox's entry chunk holds, by package (rendered bytes before minifier-level
// gzip), from a production build into a temp dir. A text companion to `ANALYZE=1 npm run build` (stats.html).
// `--files`: the app's own code file by file instead of by folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type Plugin } from 'vite';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wii-bundle-map-'));
const byPackage = new Map<string, number>();
let total = 0;
let entry = '';
const byFile = process.argv.includes('--files');

const collect: Plugin = {
  name: 'bench-bundle-map',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
      entry = `${chunk.fileName}: ${(chunk.code.length / 1024).toFixed(1)} KB minified, ${(zlib.gzipSync(chunk.code, { level: 9 }).length / 1024).toFixed(1)} KB gzip`;
      for (const [id, module] of Object.entries(chunk.modules)) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
        const key =
          pkg ??
          (id.includes('/src/')
            ? `src/${byFile ? id.split('/src/')[1] : id.split('/src/')[1].split('/').slice(0, 2).join('/')}`
            : id);
        byPackage.set(key, (byPackage.get(key) ?? 0) + module.renderedLength);
        total += module.renderedLength;
      }
    }
  },
};

try {
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
    plugins: [collect],
  });
  console.log(entry);
  for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, byFile ? 60 : 25)) {
    console.log(
      `${key.padEnd(48)} ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${((100 * bytes) / total).toFixed(1)}%`,
    );
  }
} finally {
  fs.rmSync(outDir, { recursive: true, force: true });
}
