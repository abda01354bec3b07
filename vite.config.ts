import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

type ChunkGroup = NonNullable<Exclude<Rolldown.OutputOptions['codeSplitting'], boolean | undefined>['groups']>[number];
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { visualizer } from 'rollup-plugin-visualizer';

/** Where the build records what each chunk holds; bench/lib/first-load-contributors.ts reads it. */
const CHUNK_MODULES_FILE = '.vite/chunk-modules.json';

/**
 * Writes CHUNK_MODULES_FILE: chunk file → { module id → its rendered code's gzip size, alone }. Beside the build rather than a build of
 * its own, so the benchmark attributes the very files it measured (the server never serves a dot-folder).
 */
function chunkModules(): Plugin {
  return {
    name: 'chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, Record<string, number>> = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const root = process.cwd() + '/';
        chunks[`assets/${chunk.fileName.split('/').pop()}`] = Object.fromEntries(
          Object.entries(chunk.modules).map(([id, m]) => [
            id.replace(root, ''),
            m.code ? zlib.gzipSync(m.code, { level: 9 }).length : 0,
          ]),
        );
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_MODULES_FILE, source: JSON.stringify(chunks) });
    },
  };
}

/**
 * Everything the entry imports statically (the inbox's first load) in one chunk: split by the bundler into the
 * pieces that the lazy pages share with it, the same code cost ~10 KB more gzip in ~35 files (each compressed alone).
 * Import edges out of MUI's barrels (a package's or a component folder's index.mjs) are not followed: a barrel
 * imports everything it re-exports, and the one name the first load uses from it (Button's `capitalize` from
 * `@mui/material/utils`, the theme's helpers from `@mui/system`) would otherwise pull in the rest (SvgIcon, Stack,
 * Container…) — modules only lazy pages use, which the bundler then places here because the group claims them.
 * What the first load does use through a barrel is placed by the bundler with its users.
 */
const MUI_BARREL = /node_modules\/@mui\/[^/]+\/(?:[^/]+\/)?index\.mjs$/;

function firstLoadChunk(): ChunkGroup {
  let firstLoad: Set<string> | undefined;
  const closure = (ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => {
    const found = new Set<string>();
    const queue = [...(ctx.getModuleInfo(path.resolve('src/main.tsx'))?.importedIds ?? [])];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (found.has(next)) continue;
      found.add(next);
      if (!MUI_BARREL.test(next)) queue.push(...(ctx.getModuleInfo(next)?.importedIds ?? []));
    }
    return found;
  };
  return {
    name(id, ctx) {
      firstLoad ??= closure(ctx);
      return firstLoad.has(id) ? 'first-load' : null;
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    chunkModules(),
    // Pre-compressed copies (.br, .gz) that the server sends as they are: best ratio, no CPU per request.
    compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.(png|jpg|woff2?|json)$/] }),
    // `ANALYZE=1 npm run build` writes stats.html: what the bundle holds, by module.
    process.env.ANALYZE ? visualizer({ filename: 'stats.html', gzipSize: true, brotliSize: true }) : null,
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: { output: { codeSplitting: { groups: [firstLoadChunk()] } } },
  },
});
