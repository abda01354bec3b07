// `npm run bench [-- --quick] [-- --runs N] [-- --only name[,name…]]`: the performance benchmark. Builds (or reuses
// a fresh) production build, starts our server as child processes on free loopback ports with fresh sandboxes, drives
// Chromium with Playwright through the sections in bench/sections/, prints a table (figure, median, min, max, goal,
// met?) and writes bench/results.json and bench/results.md. It reports; it never fails on a number (exit 1 only when
// a section crashed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium.ts';
import { tableMarkdown, type Figure } from './lib/figures.ts';
import type { BenchContext, BenchParameters, Section, SharedServer } from './lib/section.ts';
import { startServer, stopAllSync, type BenchServer } from './lib/servers.ts';
import { machine, prepareDist } from './lib/setup.ts';
import { round } from './lib/stats.ts';

/** The sections in the order they run: each is bench/sections/<name>.ts, default-exporting a Section. */
const SECTIONS = [
  'api-layer',
  'bytes',
  'cold-load',
  'server-latency',
  'compression',
  'memory',
  'big-item',
  'throughput',
  'tenant-proxy',
  'whole-queue',
  'triage',
];

// ------------------------------------------------------------------------------------------------ options

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(argv[runsArg + 1]) || 1) : QUICK ? 1 : 5;
const onlyArg = argv.indexOf('--only');
const ONLY =
  onlyArg >= 0
    ? (argv[onlyArg + 1] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : undefined;
const P: BenchParameters = QUICK
  ? { scale: 2_000, bigItem: 500, clicks: 10, details: 5, latencyRequests: 30, cannonSeconds: 2, pairs: 1_000 }
  : { scale: 100_000, bigItem: 5_000, clicks: 20, details: 20, latencyRequests: 60, cannonSeconds: 5, pairs: 20_000 };

/** What the selected sections are, or why the command line is wrong. */
function selectedSections(): string[] | string {
  if (!ONLY) return SECTIONS;
  const unknown = ONLY.filter((name) => !SECTIONS.includes(name));
  if (ONLY.length === 0 || unknown.length > 0) {
    const what = ONLY.length === 0 ? '--only needs a section name' : `unknown section(s): ${unknown.join(', ')}`;
    return `${what}; the sections are ${SECTIONS.join(', ')} (comma-separated, e.g. --only cold-load,memory)`;
  }
  return SECTIONS.filter((name) => ONLY.includes(name));
}

/** Where the results go: a quick run (CI's) or a subset must not overwrite the full run's figures the README quotes. */
function resultsPath(): string {
  if (ONLY) return QUICK ? 'bench/out/results.quick.only' : 'bench/out/results.only';
  return QUICK ? 'bench/out/results.quick' : 'bench/results';
}

async function loadSection(name: string): Promise<Section> {
  const module = (await import(`./sections/${name}.ts`)) as { default?: Section };
  if (typeof module.default?.run !== 'function') throw new Error(`bench/sections/${name}.ts exports no Section`);
  return module.default;
}

// ------------------------------------------------------------------------------------------------ running

interface SectionError {
  section: string;
  error: string;
}

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** The shared servers and browser: each started once, on first use (or early, for the servers sections declare). */
function sharedResources(distDir: string, tmpDir: string, details: Record<string, unknown>) {
  const servers = new Map<SharedServer, Promise<BenchServer>>();
  const env: Record<SharedServer, Record<string, string>> = {
    small: {},
    scaled: { SANDBOX_SEED_SCALE: String(P.scale) },
  };
  let browser: Promise<Browser> | undefined;
  return {
    server(name: SharedServer): Promise<BenchServer> {
      let started = servers.get(name);
      if (!started) {
        started = startServer({ name, distDir, tmpDir, env: env[name] });
        started.catch(() => {}); // a section that uses it reports the failure
        servers.set(name, started);
      }
      return started;
    },
    /** Until every server started so far is up: no section times anything while a sandbox is still seeding. */
    async settled() {
      await Promise.allSettled(servers.values());
    },
    browser(): Promise<Browser> {
      browser ??= (async () => {
        const executablePath = chromiumExecutable('benchmark');
        const launched = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
        details.chromium = `${executablePath ?? "Playwright's Chromium"} ${launched.version()}`;
        return launched;
      })();
      return browser;
    },
    async close() {
      await browser?.then((b) => b.close()).catch(() => {});
      await Promise.all([...servers.values()].map((s) => s.then((server) => server.stop()).catch(() => {})));
    },
  };
}

async function main() {
  const selected = selectedSections();
  if (typeof selected === 'string') {
    console.error(selected);
    process.exitCode = 2;
    return;
  }
  const sections = await Promise.all(selected.map(loadSection));
  const started = Date.now();
  const loadAtStart = os.loadavg().map((l) => round(l, 2));
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wii-bench-'));
  const figures: Figure[] = [];
  const errors: SectionError[] = [];
  const details: Record<string, unknown> = {};
  const cleanup = () => {
    stopAllSync();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };
  process.once('exit', cleanup); // also after a crash: no server outlives the benchmark
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  process.once('SIGTERM', () => {
    cleanup();
    process.exit(143);
  });
  const subset = ONLY ? `, only ${selected.join(', ')}` : '';
  console.log(`Work Items Inbox benchmark — ${QUICK ? 'quick' : 'full'} mode, ${RUNS} run(s) per figure${subset}`);
  let shared: ReturnType<typeof sharedResources> | undefined;
  try {
    const { distDir, how } = prepareDist(tmpDir);
    console.log(`Build: ${how}`);
    details.build = how;
    shared = sharedResources(distDir, tmpDir, details);
    const resources = shared;
    const ctx: BenchContext = {
      quick: QUICK,
      runs: RUNS,
      params: P,
      tmpDir,
      distDir,
      small: () => resources.server('small'),
      scaled: () => resources.server('scaled'),
      browser: () => resources.browser(),
      startServer: (name, env) => startServer({ name, distDir, tmpDir, env }),
      reportError: (label, error) => errors.push({ section: label, error: describe(error) }),
    };
    // The shared servers start now: they seed while the sections that only measure sizes run.
    for (const section of sections) for (const name of section.servers ?? []) void resources.server(name);

    for (const section of sections) {
      if (!section.sizesOnly) await resources.settled();
      const title = typeof section.title === 'function' ? section.title(ctx) : section.title;
      const t0 = Date.now();
      process.stdout.write(`▶ ${title}…`);
      try {
        const result = await section.run(ctx);
        figures.push(...result.figures);
        Object.assign(details, result.details);
        process.stdout.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      } catch (error) {
        process.stdout.write(' FAILED\n');
        console.error(error);
        errors.push({ section: title, error: describe(error) });
      }
    }
  } finally {
    await shared?.close();
    cleanup();
  }
  writeResults({ started, loadAtStart, figures, details, errors });
}

// ------------------------------------------------------------------------------------------------ results

function writeResults(run: {
  started: number;
  loadAtStart: number[];
  figures: Figure[];
  details: Record<string, unknown>;
  errors: SectionError[];
}) {
  const { loadAtStart, figures, details, errors } = run;
  const seconds = (Date.now() - run.started) / 1000;
  const results = {
    generatedAt: new Date().toISOString(),
    mode: QUICK ? 'quick' : 'full',
    runsPerFigure: RUNS,
    ...(ONLY ? { only: ONLY } : {}),
    durationSeconds: round(seconds, 1),
    parameters: P,
    machine: { ...machine(), loadAtStart, chromium: details.chromium },
    figures: figures.map((f) => ({
      ...f,
      summary: {
        median: round(f.summary.median, 2),
        min: round(f.summary.min, 2),
        max: round(f.summary.max, 2),
        runs: f.summary.runs.map((r) => round(r, 2)),
      },
    })),
    details,
    errors,
  };
  const out = resultsPath();
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(path.resolve(`${out}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  const table = tableMarkdown(figures);
  fs.writeFileSync(
    path.resolve(`${out}.md`),
    `${table}\n\n${results.mode} run of ${results.generatedAt}, ${RUNS} run(s) per figure, ${results.durationSeconds} s; ` +
      `${m.nproc} × ${m.cpu}, ${m.memGB} GB, Node ${m.node}, ${m.chromium ?? 'no browser'}; load average ${loadAtStart.join('/')} at start, ` +
      `${m.load.join('/')} at the end.\n`,
  );
  console.log('');
  console.log(table);
  console.log(`\nLoad average at start ${loadAtStart.join(' ')}, at the end ${m.load.join(' ')} (${m.nproc} cores).`);
  console.log(`${figures.length} figures in ${seconds.toFixed(0)} s; ${out}.json and ${out}.md written.`);
  if (errors.length) {
    console.error(`${errors.length} section(s) crashed: ${errors.map((e) => e.section).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  stopAllSync();
  process.exit(1);
});
