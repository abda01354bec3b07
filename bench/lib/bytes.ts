import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type Rollup } from 'vite';

export const gzipSize = (data: Buffer | string) => zlib.gzipSync(data, { level: 9 }).length;
export const brotliSize = (data: Buffer | string) => zlib.brotliCompressSync(data).length;

export interface BundleSize {
  name: string;
  files: { file: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
  externals: string[];
}

/**
 * Builds one entry with the project's Vite (production mode, minified, es2022 like the app) into `outDir` and
 * measures the JS it emits. `external` leaves packages the app ships anyway (React, TanStack Query) out of the count.
 */
export async function buildEntry(name: string, entry: string, outDir: string, external: string[] = []) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    root: process.cwd(),
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      write: true,
      rollupOptions: {
        input: { [name]: entry },
        preserveEntrySignatures: 'exports-only',
        external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  const files: BundleSize['files'] = [];
  for (const out of outputs) {
    for (const chunk of out.output) {
      if (chunk.type !== 'chunk') continue;
      const code = fs.readFileSync(path.join(outDir, chunk.fileName));
      files.push({ file: chunk.fileName, raw: code.length, gzip: gzipSize(code) });
    }
  }
  return {
    name,
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    externals: external,
  } satisfies BundleSize;
}

/** Our API layer vs the official SDK for the same 13 calls, built the same way. */
export async function compareApiLayers(tmpDir: string) {
  const sdk = await buildEntry('sdk', path.resolve('bench/sdk-entry/sdk.ts'), path.join(tmpDir, 'sdk-build'));
  // What our layer adds to an app that already ships React and TanStack Query (the inbox does).
  const ours = await buildEntry('ours', path.resolve('bench/sdk-entry/ours.ts'), path.join(tmpDir, 'ours-build'), [
    'react',
    'react-dom',
    '@tanstack/react-query',
  ]);
  // And with TanStack Query bundled too (React left out), for a reader who counts the query cache as API layer.
  const oursWithQuery = await buildEntry(
    'ours-with-query',
    path.resolve('bench/sdk-entry/ours.ts'),
    path.join(tmpDir, 'ours-query-build'),
    ['react', 'react-dom'],
  );
  return { sdk, ours, oursWithQuery };
}

/** Every JS/CSS file of the build with its gzip size (computed here, level 9) and the size of Vite's .gz/.br copies. */
export function distAssets(distDir: string) {
  const dir = path.join(distDir, 'assets');
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((file) => {
      const data = fs.readFileSync(path.join(dir, file));
      const pre = (ext: string) => {
        const p = path.join(dir, file + ext);
        return fs.existsSync(p) ? fs.statSync(p).size : null;
      };
      return {
        file: `/assets/${file}`,
        raw: data.length,
        gzip: gzipSize(data),
        preGzip: pre('.gz'),
        preBrotli: pre('.br'),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
