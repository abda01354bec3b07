// What run.ts prepares before the first section and records beside the figures: the build under test and the machine.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFreshness } from '../../server/build-freshness.ts';
import { BASELINE_FILE, BASELINE_HTML, BASELINE_SCRIPT, BASELINE_SCRIPT_FILE } from './browser.ts';
import { round } from './stats.ts';

/** A static file in the build that §7 fills with a list page's JSON: the static baseline of the same size. */
export const LIST_PAGE_FILE = 'bench-list-page.json';

/**
 * A private copy of the production build in the temp dir (so a teammate's rebuild of dist/ mid-run changes
 * nothing here): dist/ when it is newer than every source (what `npm start` would serve), else a fresh build.
 */
export function prepareDist(tmpDir: string): { distDir: string; how: string } {
  const distDir = path.join(tmpDir, 'dist');
  let how: string;
  if (buildFreshness(path.resolve('dist')) === 'fresh') {
    fs.cpSync(path.resolve('dist'), distDir, { recursive: true });
    how = 'reused dist/ (newer than its sources)';
  } else {
    const t0 = Date.now();
    const result = spawnSync(
      process.execPath,
      [
        path.resolve('node_modules/vite/bin/vite.js'),
        'build',
        '--logLevel',
        'warn',
        '--outDir',
        distDir,
        '--emptyOutDir',
      ],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) throw new Error('vite build failed');
    how = `fresh production build (${((Date.now() - t0) / 1000).toFixed(1)} s)`;
  }
  fs.writeFileSync(path.join(distDir, BASELINE_FILE), BASELINE_HTML);
  fs.writeFileSync(path.join(distDir, BASELINE_SCRIPT_FILE), BASELINE_SCRIPT);
  // The static plugin serves the files that exist when a server starts; §7 writes a list page's body here later.
  fs.writeFileSync(path.join(distDir, LIST_PAGE_FILE), '[]');
  return { distDir, how };
}

/** The machine a run measured on (recorded with the figures: they mean little without it). */
export function machine() {
  const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  let nproc = os.availableParallelism();
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    /* os value */
  }
  return {
    nproc,
    cpu,
    node: process.version,
    load: os.loadavg().map((l) => round(l, 2)),
    memGB: round(os.totalmem() / 2 ** 30, 1),
  };
}
