// `npm run bench [-- --quick] [-- --runs N]`: the performance harness of issue 8. Builds (or reuses a fresh)
// production build, starts our server as child processes on free loopback ports with fresh sandboxes, drives
// Chromium with Playwright, prints a table (figure, median, min, max, goal, met?) and writes bench/results.json.
// It reports; it never fails on a number (exit 1 only when a section crashed).
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium.ts';
import { approvalPairs, listLatency, listThroughput, mixedThroughput, totalPending } from './lib/api.ts';
import {
  BASELINE_FILE,
  BASELINE_HTML,
  BASELINE_SCRIPT,
  BASELINE_SCRIPT_FILE,
  bigItemRun,
  coldLoad,
  memoryRun,
  shippedBytes,
  type BigItemRun,
} from './lib/browser.ts';
import { compareApiLayers, distAssets } from './lib/bytes.ts';
import { bearerToken, startServer, stopAllSync, type BenchServer } from './lib/servers.ts';
import { quantile, round, summarize, type Summary } from './lib/stats.ts';
import { buildFreshness } from '../server/build-freshness.ts';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(argv[runsArg + 1]) || 1) : QUICK ? 1 : 5;
const P = QUICK
  ? { scale: 2_000, bigItem: 500, clicks: 10, details: 5, latencyRequests: 30, cannonSeconds: 2, pairs: 1_000 }
  : { scale: 100_000, bigItem: 5_000, clicks: 20, details: 20, latencyRequests: 60, cannonSeconds: 5, pairs: 20_000 };
/** Scrolling the big item: at least this many px a frame, and the whole list in about FRAME_BUDGET frames. */
const MIN_PX_PER_FRAME = 300;
const FRAME_BUDGET = 240;

// ------------------------------------------------------------------------------------------------ figures

interface Figure {
  section: string;
  figure: string;
  unit: string;
  summary: Summary;
  goal?: string;
  /** true/false against the goal; undefined when the figure has no goal. */
  met?: boolean;
  note?: string;
}
const figures: Figure[] = [];
const errors: { section: string; error: string }[] = [];
const details: Record<string, unknown> = {};

function add(
  section: string,
  figure: string,
  unit: string,
  runs: number[],
  goal?: { text: string; test: (median: number) => boolean },
  note?: string,
) {
  const summary = summarize(runs);
  figures.push({
    section,
    figure,
    unit,
    summary,
    goal: goal?.text,
    met: goal && Number.isFinite(summary.median) ? goal.test(summary.median) : undefined,
    note,
  });
}

async function section(name: string, body: () => Promise<void>) {
  const t0 = Date.now();
  process.stdout.write(`▶ ${name}…`);
  try {
    await body();
    process.stdout.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    process.stdout.write(' FAILED\n');
    console.error(error);
    errors.push({ section: name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

const KB = 1024;

// ------------------------------------------------------------------------------------------------ build

/**
 * A private copy of the production build in the temp dir (so a teammate's rebuild of dist/ mid-run changes
 * nothing here): dist/ when it is newer than every source (what `npm start` would serve), else a fresh build.
 */
function prepareDist(tmpDir: string): { distDir: string; how: string } {
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
  return { distDir, how };
}

// ------------------------------------------------------------------------------------------------ machine

function machine() {
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

// ------------------------------------------------------------------------------------------------ sections

async function findBigItem(server: BenchServer, token: string): Promise<string> {
  const response = await fetch(`${server.url}/v3/work-items?limit=250&offset=0`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const items = (await response.json()) as { id: string; name?: string; approvalItems?: unknown[] | null }[];
  const big = items.reduce((a, b) => ((b.approvalItems?.length ?? 0) > (a.approvalItems?.length ?? 0) ? b : a));
  if (!big || (big.approvalItems?.length ?? 0) < P.bigItem) throw new Error('the big work item was not seeded');
  return big.id;
}

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg().map((l) => round(l, 2));
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wii-bench-'));
  const servers: BenchServer[] = [];
  let browser: Browser | undefined;
  const cleanup = () => {
    stopAllSync();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  process.once('SIGTERM', () => {
    cleanup();
    process.exit(143);
  });
  console.log(`Work Items Inbox benchmark — ${QUICK ? 'quick' : 'full'} mode, ${RUNS} run(s) per figure`);
  try {
    const { distDir, how } = prepareDist(tmpDir);
    console.log(`Build: ${how}`);
    details.build = how;

    // Servers: 40-item alice (A) and SANDBOX_SEED_SCALE alice (B) start while the bundles are measured.
    const serversReady = Promise.all([
      startServer({ name: 'small', distDir, tmpDir }),
      startServer({ name: 'scaled', distDir, tmpDir, env: { SANDBOX_SEED_SCALE: String(P.scale) } }),
    ]);
    serversReady.then((s) => servers.push(...s)).catch(() => {});

    await section('1. shipped bytes: SDK vs our API layer', async () => {
      const cmp = await compareApiLayers(tmpDir);
      details.apiLayers = cmp;
      add('1 bytes', 'official SDK v3 WorkItemsApi + axios, 13 calls (gzip)', 'KB', [cmp.sdk.gzip / KB]);
      add(
        '1 bytes',
        'our API layer: ky client + 13 operation modules (gzip)',
        'KB',
        [cmp.ours.gzip / KB],
        undefined,
        'React and TanStack Query external (the app ships them anyway)',
      );
      add('1 bytes', 'our API layer incl. TanStack Query (gzip)', 'KB', [cmp.oursWithQuery.gzip / KB]);
      add('1 bytes', 'ours / SDK', 'ratio', [cmp.ours.gzip / cmp.sdk.gzip], { text: '≤ 0.20', test: (m) => m <= 0.2 });
      details.distAssets = distAssets(distDir);
    });

    const [small, scaled] = await serversReady;
    const executablePath = chromiumExecutable();
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    details.chromium = `${executablePath ?? "Playwright's Chromium"} ${browser.version()}`;

    await section('1. shipped bytes: inbox first load and routes', async () => {
      const routes = await shippedBytes(browser!, small, distDir);
      details.routes = routes;
      const inbox = routes.inbox;
      add('1 bytes', 'inbox first load: JS (gzip), all chunks until network idle', 'KB', [inbox.jsGzip / KB], {
        text: '≤ 180 KB',
        test: (m) => m <= 180,
      });
      add('1 bytes', '… of which before the first rows show (critical path)', 'KB', [
        routes['inbox, before first rows'].jsGzip / KB,
      ]);
      add(
        '1 bytes',
        'inbox first load: CSS (gzip)',
        'KB',
        [inbox.cssGzip / KB],
        undefined,
        'MUI styles are CSS-in-JS (emotion)',
      );
      add('1 bytes', 'inbox first load: bytes on the wire (JS+CSS)', 'KB', [inbox.transferred / KB]);
      add('1 bytes', 'JS/CSS sent compressed (br/gzip)', 'bool', [inbox.allCompressed ? 1 : 0], {
        text: 'yes',
        test: (m) => m === 1,
      });
      for (const [route, r] of Object.entries(routes)) {
        if (route === 'inbox' || route === 'inbox, before first rows') continue;
        add(
          '1 bytes',
          route.startsWith('inbox') ? `${route} (gzip)` : `route chunk(s) added by ${route} (gzip)`,
          'KB',
          [r.totalGzip / KB],
          undefined,
          r.files.map((f) => f.file.replace('/assets/', '')).join(', '),
        );
      }
    });

    await section('2+3. cold loads (interleaved: baseline, 40 items, scaled)', async () => {
      type Scenario = {
        key: string;
        server: BenchServer;
        url: string;
        mark: string;
        throttle: number;
        signIn?: boolean;
      };
      const scenarios: Scenario[] = [
        {
          key: 'baseline',
          server: small,
          url: `/${BASELINE_FILE}`,
          mark: 'baseline-visible',
          throttle: 1,
          signIn: false,
        },
        {
          key: 'baseline x4',
          server: small,
          url: `/${BASELINE_FILE}`,
          mark: 'baseline-visible',
          throttle: 4,
          signIn: false,
        },
        { key: 'inbox 25', server: small, url: '/inbox', mark: 'inbox-rows-visible', throttle: 1 },
        { key: 'inbox 250', server: small, url: '/inbox?size=250', mark: 'inbox-rows-visible', throttle: 1 },
        { key: 'inbox 25 x4', server: small, url: '/inbox', mark: 'inbox-rows-visible', throttle: 4 },
        { key: 'inbox 250 x4', server: small, url: '/inbox?size=250', mark: 'inbox-rows-visible', throttle: 4 },
        { key: 'scaled 25', server: scaled, url: '/inbox', mark: 'inbox-rows-visible', throttle: 1 },
        { key: 'scaled 250', server: scaled, url: '/inbox?size=250', mark: 'inbox-rows-visible', throttle: 1 },
      ];
      const rows: Record<string, number[]> = {};
      const lcp: Record<string, number[]> = {};
      const waterfalls: Record<string, unknown> = {};
      // One warm-up load per server (server JIT, OS file cache), not counted (skipped in --quick).
      if (!QUICK) {
        await coldLoad(browser!, small, '/inbox', { mark: 'inbox-rows-visible' });
        await coldLoad(browser!, scaled, '/inbox', { mark: 'inbox-rows-visible' });
      }
      for (let run = 0; run < RUNS; run++) {
        for (const s of scenarios) {
          const r = await coldLoad(browser!, s.server, s.url, {
            mark: s.mark,
            cpuThrottle: s.throttle,
            signIn: s.signIn,
          });
          (rows[s.key] ??= []).push(r.rowsVisible);
          (lcp[s.key] ??= []).push(r.lcp);
          if (run === 0)
            waterfalls[s.key] = [...r.waterfall, { what: 'mark', start: r.rowsVisible, end: r.rowsVisible }];
        }
      }
      details.coldLoads = { rows, lcp, waterfallOfFirstRun: waterfalls };
      const oneSecond = { text: '≤ 1000 ms', test: (m: number) => m <= 1000 };
      add(
        '2 cold load',
        'baseline static page: navigation → text parsed',
        'ms',
        rows.baseline,
        undefined,
        `/${BASELINE_FILE} from the same server`,
      );
      add('2 cold load', 'baseline static page: LCP', 'ms', lcp.baseline);
      add('2 cold load', 'baseline static page, CPU ×4: navigation → text parsed', 'ms', rows['baseline x4']);
      for (const [key, label] of [
        ['inbox 25', 'inbox 25 rows'],
        ['inbox 250', 'inbox 250 rows'],
        ['inbox 25 x4', 'inbox 25 rows, CPU ×4'],
        ['inbox 250 x4', 'inbox 250 rows, CPU ×4'],
      ] as const) {
        const goal = key.endsWith('x4') ? undefined : oneSecond;
        add('2 cold load', `${label}: navigation → first rows`, 'ms', rows[key], goal);
        add('2 cold load', `${label}: LCP`, 'ms', lcp[key]);
        const base = key.endsWith('x4') ? rows['baseline x4'] : rows.baseline;
        add(
          '2 cold load',
          `${label}: first rows / baseline (same run)`,
          '×',
          rows[key].map((v, i) => v / base[i]),
        );
      }
      const scaleGoal = { text: '≤ 1.2×', test: (m: number) => m <= 1.2 };
      for (const size of ['25', '250']) {
        add(
          '3 scale',
          `inbox ${size} rows, ${P.scale.toLocaleString('en')} items: navigation → first rows`,
          'ms',
          rows[`scaled ${size}`],
          oneSecond,
        );
        add(
          '3 scale',
          `inbox ${size} rows: ${P.scale.toLocaleString('en')} items / 40 items (pairwise per run)`,
          '×',
          rows[`scaled ${size}`].map((v, i) => v / rows[`inbox ${size}`][i]),
          scaleGoal,
        );
      }
    });

    await section('3. server latency of the list endpoint', async () => {
      const token = await bearerToken(scaled);
      const total = await totalPending(scaled, token);
      const last = Math.floor((total - 1) / 250) * 250;
      const middle = Math.floor(total / 2 / 250) * 250;
      details.scaledTotal = total;
      const goal = { text: '≤ 25 ms', test: (m: number) => m <= 25 };
      const perOffset: Record<string, { p50: number[]; p95: number[] }> = {};
      for (let run = 0; run < RUNS; run++) {
        for (const [label, offset] of [
          ['offset 0', 0],
          [`middle (offset ${middle})`, middle],
          [`last page (offset ${last})`, last],
        ] as const) {
          const r = await listLatency(scaled, token, offset, P.latencyRequests);
          perOffset[label] ??= { p50: [], p95: [] };
          perOffset[label].p50.push(r.p50);
          perOffset[label].p95.push(r.p95);
        }
        // The same first page without compression: how much of the time is gzip of the ~250 KB JSON.
        const plain = await listLatency(scaled, token, 0, P.latencyRequests, 'identity');
        perOffset['offset 0, Accept-Encoding: identity'] ??= { p50: [], p95: [] };
        perOffset['offset 0, Accept-Encoding: identity'].p50.push(plain.p50);
        perOffset['offset 0, Accept-Encoding: identity'].p95.push(plain.p95);
      }
      for (const [label, r] of Object.entries(perOffset)) {
        add(
          '3 scale',
          `GET /v3/work-items?limit=250&count=true, ${total.toLocaleString('en')} rows, ${label}: p50`,
          'ms',
          r.p50,
        );
        add('3 scale', `… ${label}: p95 (${P.latencyRequests} sequential requests a run)`, 'ms', r.p95, goal);
      }
      // The query plans behind it (for the README's "why").
      const dbFile = path.join(scaled.dataDir, 'sandbox.sqlite');
      if (fs.existsSync(dbFile)) {
        const db = new Database(dbFile, { readonly: true, fileMustExist: true });
        const plan = (sql: string, ...args: unknown[]) =>
          (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
        const owner = (
          db.prepare(`SELECT owner_id FROM work_items GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1`).get() as {
            owner_id: string;
          }
        ).owner_id;
        details.queryPlans = {
          page: plan(
            `SELECT id FROM work_items WHERE owner_id = ? AND state = 'Pending' ORDER BY created DESC, id DESC LIMIT 250 OFFSET ?`,
            owner,
            last,
          ),
          count: plan(`SELECT count(*) AS n FROM work_items WHERE owner_id = ? AND state = 'Pending'`, owner),
          approvals: plan(
            `SELECT * FROM approval_items WHERE work_item_id IN (SELECT value FROM json_each(?)) ORDER BY work_item_id, position`,
            '[]',
          ),
        };
        db.close();
      }
    });

    await section('6. memory', async () => {
      const runs: { inbox250: number; after20Details: number; afterBack: number }[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await memoryRun(browser!, small, P.details));
      add(
        '6 memory',
        'JS heap: inbox with 250 rows',
        'MB',
        runs.map((r) => r.inbox250),
      );
      add(
        '6 memory',
        `JS heap: after ${P.details} detail pages in turn`,
        'MB',
        runs.map((r) => r.after20Details),
      );
      add(
        '6 memory',
        'JS heap: after going back to the inbox',
        'MB',
        runs.map((r) => r.afterBack),
      );
    });

    await section(`4+5. big work item (${P.bigItem.toLocaleString('en')} approval items), approve clicks`, async () => {
      const runs: BigItemRun[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A fresh sandbox each run: "Approve all" and the clicks use the item up.
        const big = await startServer({
          name: `big${run}`,
          distDir,
          tmpDir,
          env: { SANDBOX_BIG_ITEM_SIZE: String(P.bigItem) },
        });
        try {
          const id = await findBigItem(big, await bearerToken(big));
          runs.push(
            await bigItemRun(browser!, big, id, {
              clicks: P.clicks,
              minPxPerFrame: MIN_PX_PER_FRAME,
              frameBudget: FRAME_BUDGET,
            }),
          );
        } catch (error) {
          // One failed run does not lose the others: recorded, and the figures are the runs that finished.
          errors.push({ section: `big item run ${run + 1}`, error: String(error) });
          if (run === RUNS - 1 && runs.length === 0) throw error;
        } finally {
          await big.stop();
        }
      }
      details.bigItem = runs.map((r) => ({ ...r, approveLatencies: r.approveLatencies.map((v) => round(v, 1)) }));
      add(
        '4 big item',
        'navigation → first approval rows',
        'ms',
        runs.map((r) => r.firstRows),
      );
      add(
        '4 big item',
        `scroll top → bottom in ~${FRAME_BUDGET} frames: frame time p95`,
        'ms',
        runs.map((r) => r.frameP95),
        {
          text: '≤ 20 ms',
          test: (m) => m <= 20,
        },
        `frames/px per frame per run: ${runs.map((r) => `${r.frames}/${r.pxPerFrame}${r.reachedEnd ? '' : ' (20 s cap)'}`).join(', ')}`,
      );
      add(
        '4 big item',
        'scroll: longest frame',
        'ms',
        runs.map((r) => r.frameMax),
      );
      add(
        '4 big item',
        '"Approve all" confirmed → page shows 0 pending',
        'ms',
        runs.map((r) => r.approveAll),
      );
      const all = runs.flatMap((r) => r.approveLatencies).filter(Number.isFinite);
      add(
        '5 interaction',
        `click "Approve" → row shows its new state: p95 of ${P.clicks} clicks`,
        'ms',
        runs.map((r) => quantile(r.approveLatencies.filter(Number.isFinite), 0.95)),
        {
          text: '≤ 50 ms',
          test: (m) => m <= 50,
        },
        `pooled over ${all.length} clicks: p50 ${round(quantile(all, 0.5))} ms, p95 ${round(quantile(all, 0.95))} ms`,
      );
      add(
        '5 interaction',
        'click "Approve" → new state: p50',
        'ms',
        runs.map((r) => quantile(r.approveLatencies.filter(Number.isFinite), 0.5)),
      );
    });

    await section('7. server throughput (autocannon)', async () => {
      const token = await bearerToken(scaled);
      const out: Record<string, { rps: number[]; p99: number[]; errors: number[] }> = {};
      const push = (key: string, r: { rps: number; p99: number; errors: number; non2xx: number }) => {
        out[key] ??= { rps: [], p99: [], errors: [] };
        out[key].rps.push(r.rps);
        out[key].p99.push(r.p99);
        out[key].errors.push(r.errors + r.non2xx);
      };
      const pairs = await approvalPairs(scaled, token, P.pairs, 250 * 4);
      const perRun = Math.floor(pairs.length / RUNS);
      const mixed: { decisions: number; poolSize: number }[] = [];
      for (let run = 0; run < RUNS; run++) {
        push('10', await listThroughput(scaled, token, 10, P.cannonSeconds));
        push('50', await listThroughput(scaled, token, 50, P.cannonSeconds));
        const m = await mixedThroughput(
          scaled,
          token,
          pairs.slice(run * perRun, (run + 1) * perRun),
          10,
          P.cannonSeconds,
        );
        push('mixed', m);
        mixed.push({ decisions: m.decisions, poolSize: m.poolSize });
      }
      details.throughput = { ...out, mixed: { ...out.mixed, runs: mixed } };
      for (const [key, label] of [
        ['10', 'list (limit=250, count), 10 connections'],
        ['50', 'list (limit=250, count), 50 connections'],
        ['mixed', 'mixed: list + approve alternating, 10 connections'],
      ] as const) {
        const errs = out[key].errors.reduce((a, b) => a + b, 0);
        add(
          '7 throughput',
          `${label}: requests/s`,
          'req/s',
          out[key].rps,
          undefined,
          errs ? `${errs} errors/non-2xx` : undefined,
        );
        add('7 throughput', `${label}: p99 latency`, 'ms', out[key].p99);
      }
    });
  } finally {
    await browser?.close().catch(() => {});
    await Promise.all(servers.map((s) => s.stop().catch(() => {})));
    cleanup();
  }

  const seconds = (Date.now() - started) / 1000;
  const results = {
    generatedAt: new Date().toISOString(),
    mode: QUICK ? 'quick' : 'full',
    runsPerFigure: RUNS,
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
  // A quick run (CI's) must not overwrite the full run's figures that the README quotes.
  const out = QUICK ? 'bench/out/results.quick' : 'bench/results';
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(path.resolve(`${out}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  fs.writeFileSync(
    path.resolve(`${out}.md`),
    `${tableMarkdown()}\n\n${results.mode} run of ${results.generatedAt}, ${RUNS} run(s) per figure, ${results.durationSeconds} s; ` +
      `${m.nproc} × ${m.cpu}, ${m.memGB} GB, Node ${m.node}, ${m.chromium}; load average ${loadAtStart.join('/')} at start, ` +
      `${m.load.join('/')} at the end.\n`,
  );
  printTable();
  console.log(
    `\nLoad average at start ${loadAtStart.join(' ')}, at the end ${results.machine.load.join(' ')} (${results.machine.nproc} cores).`,
  );
  console.log(`${figures.length} figures in ${seconds.toFixed(0)} s; ${out}.json and ${out}.md written.`);
  if (errors.length) {
    console.error(`${errors.length} section(s) crashed: ${errors.map((e) => e.section).join('; ')}`);
    process.exitCode = 1;
  }
}

function fmt(n: number, unit: string): string {
  if (!Number.isFinite(n)) return '—';
  if (unit === 'bool') return n === 1 ? 'yes' : 'no';
  if (unit === '×' || unit === 'ratio') return n.toFixed(2);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en');
  return n.toFixed(1);
}

/** The table as Markdown (pasteable into the README). */
export function tableMarkdown(): string {
  const lines = ['| § | figure | median | min | max | unit | goal | met? |', '|---|---|---:|---:|---:|---|---|---|'];
  for (const f of figures) {
    const met = f.met === undefined ? '' : f.met ? 'yes' : '**no**';
    const single = f.summary.runs.length <= 1;
    lines.push(
      `| ${f.section} | ${f.figure} | ${fmt(f.summary.median, f.unit)} | ${single ? '' : fmt(f.summary.min, f.unit)} | ${single ? '' : fmt(f.summary.max, f.unit)} | ${f.unit === 'bool' ? '' : f.unit} | ${f.goal ?? ''} | ${met} |`,
    );
  }
  return lines.join('\n');
}

function printTable() {
  console.log('');
  console.log(tableMarkdown());
}

main().catch((error) => {
  console.error(error);
  stopAllSync();
  process.exit(1);
});
