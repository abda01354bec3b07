import path from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
import { gzipSize } from './bytes.ts';
import fs from 'node:fs';
import type { BenchServer } from './servers.ts';

export const VIEWPORT = { width: 1280, height: 900 };

/** Installed before any page script: LCP (buffered) and the first approval-item row, in page time. */
const INIT_SCRIPT = `(() => {
  // tsx (esbuild keepNames) wraps named functions of this harness in __name(...); page.evaluate ships their source
  // to the page as it is, so the page needs the helper too.
  window.__name = window.__name || ((f) => f);
  window.__bench = { lcp: 0, firstApprovalRow: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {}
  const watch = () => {
    const mo = new MutationObserver(() => {
      if (!window.__bench.firstApprovalRow && document.querySelector('[data-testid="approval-item-row"]')) {
        window.__bench.firstApprovalRow = performance.now();
        mo.disconnect();
      }
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.documentElement) watch(); else document.addEventListener('DOMContentLoaded', watch);
})();`;

declare global {
  interface Window {
    __bench: { lcp: number; firstApprovalRow: number };
  }
}

export interface Session {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

/** A fresh context (cold cache, no cookies), signed in as `identity` through the session API (the cookie lands here). */
export async function freshSession(
  browser: Browser,
  server: BenchServer,
  options: { identity?: string | null; cpuThrottle?: number } = {},
): Promise<Session> {
  const context = await browser.newContext({ baseURL: server.url, viewport: VIEWPORT });
  await context.addInitScript(INIT_SCRIPT);
  const identity = options.identity === undefined ? 'alice.approver' : options.identity;
  if (identity) {
    const response = await context.request.post('/auth/session', {
      data: { identity },
      headers: { 'X-Requested-With': 'XMLHttpRequest', Origin: server.url },
    });
    if (!response.ok()) throw new Error(`sign-in failed: HTTP ${response.status()} ${await response.text()}`);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (options.cpuThrottle && options.cpuThrottle > 1) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle });
  }
  return { context, page, cdp };
}

/** Milliseconds from navigation start to the first `performance.mark(name)`. */
async function waitForMark(page: Page, name: string, timeout = 30_000): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name, {
    timeout,
    polling: 50,
  });
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0].startTime, name);
}

async function lcpAfterSettle(page: Page): Promise<number> {
  // LCP candidates keep coming while the page paints; give the last paint a moment, then read the latest one.
  await page.waitForTimeout(400);
  return page.evaluate(() => window.__bench.lcp);
}

export interface ColdLoad {
  rowsVisible: number;
  lcp: number;
  /** What the page fetched and when (resource timing, ms since navigation start): the critical path. */
  waterfall: { what: string; start: number; end: number }[];
}

async function waterfall(page: Page): Promise<ColdLoad['waterfall']> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const rows = nav
      ? [
          { what: 'document', start: nav.startTime, end: nav.responseEnd },
          { what: 'DOMContentLoaded', start: nav.domContentLoadedEventStart, end: nav.domContentLoadedEventEnd },
        ]
      : [];
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const url = new URL(e.name);
      if (url.origin !== location.origin) continue;
      rows.push({ what: `${e.initiatorType} ${url.pathname}${url.search}`, start: e.startTime, end: e.responseEnd });
    }
    return rows.map((r) => ({ what: r.what, start: Math.round(r.start), end: Math.round(r.end) }));
  });
}

/** One cold load of `url` (fresh context) until `mark`; then LCP. */
export async function coldLoad(
  browser: Browser,
  server: BenchServer,
  url: string,
  options: { cpuThrottle?: number; mark: string; signIn?: boolean },
): Promise<ColdLoad> {
  const s = await freshSession(browser, server, {
    cpuThrottle: options.cpuThrottle,
    identity: options.signIn === false ? null : 'alice.approver',
  });
  try {
    await s.page.goto(url, { waitUntil: 'commit' });
    const rowsVisible = await waitForMark(s.page, options.mark);
    const lcp = await lcpAfterSettle(s.page);
    return { rowsVisible, lcp, waterfall: await waterfall(s.page) };
  } finally {
    await s.context.close();
  }
}

/** The static baseline page: served by the same server from the same dist/, marks itself when its text is parsed. */
export const BASELINE_FILE = 'bench-baseline.html';
export const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bench baseline</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><h1>Static baseline</h1><p>A static page served by the same server: navigation, HTTP and first paint, no app.</p>
<script src="/bench-baseline.js"></script></body></html>
`;
/** External, not inline: the server's CSP allows scripts from 'self' only. */
export const BASELINE_SCRIPT_FILE = 'bench-baseline.js';
export const BASELINE_SCRIPT = "performance.mark('baseline-visible');\n";

// ------------------------------------------------------------------------------------------------ shipped bytes

interface Loaded {
  url: string;
  type: string;
  encoding: string | null;
  transferred: number;
}

function recordAssets(page: Page, into: Loaded[]) {
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    void (async () => {
      const sizes = await response
        .request()
        .sizes()
        .catch(() => null);
      into.push({
        url: new URL(response.url()).pathname,
        type,
        encoding: (await response.headerValue('content-encoding').catch(() => null)) ?? null,
        transferred: sizes?.responseBodySize ?? 0,
      });
    })();
  });
}

function sizeOf(distDir: string, loaded: Loaded[]) {
  const seen = new Set<string>();
  const files: { file: string; gzip: number; raw: number; encoding: string | null; transferred: number }[] = [];
  for (const l of loaded) {
    if (seen.has(l.url)) continue;
    seen.add(l.url);
    const file = path.join(distDir, l.url);
    if (!fs.existsSync(file)) continue;
    const data = fs.readFileSync(file);
    files.push({
      file: l.url,
      raw: data.length,
      gzip: gzipSize(data),
      encoding: l.encoding,
      transferred: l.transferred,
    });
  }
  const sum = (pred: (f: (typeof files)[number]) => boolean) => files.filter(pred).reduce((s, f) => s + f.gzip, 0);
  return {
    files,
    jsGzip: sum((f) => f.file.endsWith('.js')),
    cssGzip: sum((f) => f.file.endsWith('.css')),
    totalGzip: sum(() => true),
    transferred: files.reduce((s, f) => s + f.transferred, 0),
    allCompressed: files.every((f) => f.encoding === 'br' || f.encoding === 'gzip'),
  };
}

/**
 * What the inbox's first load fetches (JS+CSS, from the page's own network requests), and what each route adds
 * when first visited in the app: work-item detail, completed history; the sign-in page in a signed-out context.
 */
export async function shippedBytes(browser: Browser, server: BenchServer, distDir: string) {
  const s = await freshSession(browser, server);
  const loaded: Loaded[] = [];
  recordAssets(s.page, loaded);
  const routes: Record<string, ReturnType<typeof sizeOf>> = {};
  try {
    await s.page.goto('/inbox', { waitUntil: 'commit' });
    const mark = await waitForMark(s.page, 'inbox-rows-visible');
    // The files that had arrived when the first rows showed: the critical path (the rest is deferred lazy chunks).
    const beforeRows = new Set(
      await s.page.evaluate(
        (at) =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((e) => e.responseEnd <= at)
            .map((e) => new URL(e.name).pathname),
        mark,
      ),
    );
    await s.page.waitForLoadState('networkidle');
    routes.inbox = sizeOf(distDir, loaded);
    routes['inbox, before first rows'] = sizeOf(
      distDir,
      loaded.filter((l) => beforeRows.has(l.url)),
    );
    const step = async (name: string, go: () => Promise<void>) => {
      const before = new Set(loaded.map((l) => l.url));
      await go();
      await s.page.waitForLoadState('networkidle');
      await s.page.waitForTimeout(300);
      routes[name] = sizeOf(
        distDir,
        loaded.filter((l) => !before.has(l.url)),
      );
    };
    await step('work-item detail', async () => {
      await s.page.locator('a[href^="/work-items/"]').first().click();
      await s.page.getByRole('heading', { level: 1 }).first().waitFor();
      await s.page
        .locator('[data-testid="approval-item-row"]')
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => {});
    });
    await step('completed', async () => {
      await s.page
        .getByRole('link', { name: /completed/i })
        .first()
        .click();
      await s.page.waitForURL(/\/completed/);
    });
  } finally {
    await s.context.close();
  }
  const signedOut = await freshSession(browser, server, { identity: null });
  const signInLoaded: Loaded[] = [];
  recordAssets(signedOut.page, signInLoaded);
  try {
    await signedOut.page.goto('/sign-in');
    await signedOut.page
      .getByRole('button', { name: /Sign in as/ })
      .first()
      .waitFor();
    await signedOut.page.waitForLoadState('networkidle');
    const inboxFiles = new Set(routes.inbox.files.map((f) => f.file));
    const deferred = routes.inbox.files.filter(
      (f) => !routes['inbox, before first rows'].files.some((c) => c.file === f.file),
    );
    routes['inbox, deferred chunks (after first rows)'] = sizeOf(
      distDir,
      loaded.filter((l) => deferred.some((d) => d.file === l.url)),
    );
    routes['sign-in (not in the inbox load)'] = sizeOf(
      distDir,
      signInLoaded.filter((l) => !inboxFiles.has(l.url)),
    );
  } finally {
    await signedOut.context.close();
  }
  return routes;
}

// ------------------------------------------------------------------------------------------------ big work item

export interface BigItemRun {
  firstRows: number;
  frameP95: number;
  frameMax: number;
  frames: number;
  pxPerFrame: number;
  reachedEnd: boolean;
  approveLatencies: number[];
  approveAll: number;
}

/**
 * On a fresh server holding one work item with thousands of approval items: cold load → first approval rows; scroll
 * the window-virtualised list top to bottom (a fixed number of pixels per animation frame, rAF deltas recorded in
 * the page); click "Approve" on `clicks` rows in turn (click event → the row shows its new state, timed in the page);
 * then "Approve all" → confirm → the page shows no pending item left.
 */
export async function bigItemRun(
  browser: Browser,
  server: BenchServer,
  itemId: string,
  options: { clicks: number; minPxPerFrame: number; frameBudget: number },
): Promise<BigItemRun> {
  const s = await freshSession(browser, server);
  const { page } = s;
  try {
    await page.goto(`/work-items/${encodeURIComponent(itemId)}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.firstApprovalRow > 0, undefined, { timeout: 60_000, polling: 50 });
    const firstRows = await page.evaluate(() => window.__bench.firstApprovalRow);
    // Let the virtualiser chunk load and settle before scrolling.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);

    // Top to bottom in a bounded number of frames (≥ options.minPxPerFrame a frame, at most ~`frameBudget` frames, and
    // at most 20 s on a very busy machine): each step is larger than the viewport plus overscan once the list is long,
    // so every frame renders a fresh set of rows, the worst case (like dragging the scrollbar).
    const scroll = await page.evaluate(
      ({ minPx, budget }) =>
        new Promise<{ deltas: number[]; px: number; reachedEnd: boolean }>((resolve) => {
          const deltas: number[] = [];
          window.scrollTo(0, 0);
          const scrollable = document.documentElement.scrollHeight - window.innerHeight;
          const px = Math.max(minPx, Math.ceil(scrollable / budget));
          const startedAt = performance.now();
          let last = 0;
          // rAF can stall (a renderer starved on a loaded machine): never wait more than 25 s in all.
          setTimeout(() => resolve({ deltas, px, reachedEnd: false }), 25_000);
          const tick = (t: number) => {
            if (last) deltas.push(t - last);
            last = t;
            const max = document.documentElement.scrollHeight - window.innerHeight;
            const end = window.scrollY >= max - 1;
            if (end || t - startedAt > 20_000) {
              resolve({ deltas, px, reachedEnd: end });
              return;
            }
            window.scrollBy(0, px);
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      { minPx: options.minPxPerFrame, budget: options.frameBudget },
    );
    const frames = scroll.deltas;
    const sorted = [...frames].sort((a, b) => a - b);
    const frameP95 = sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;

    // Approve → on screen, timed in the page: the click's event time (capture listener) to the MutationObserver
    // callback that sees the row's state chip say "Finished" — the optimistic update. (The row's "Decided" text
    // comes later, once the server has answered; that wait is the server's round trip, not what the click shows.)
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    const approveLatencies: number[] = [];
    for (let i = 0; i < options.clicks; i++) {
      const button = page
        .locator('[data-testid="approval-item-row"] button[aria-label^="Approve "]:not([disabled])')
        .first();
      await button.waitFor({ timeout: 15_000 });
      const armed = await button.evaluate((el) => {
        const row = el.closest('tr');
        const index = row?.getAttribute('data-index');
        const w = window as unknown as { __approve?: Promise<number> };
        w.__approve = new Promise<number>((resolve) => {
          let clickedAt = 0;
          const onClick = (e: Event) => {
            clickedAt = e.timeStamp;
          };
          window.addEventListener('click', onClick, { capture: true, once: true });
          const mo = new MutationObserver(() => {
            const current = index !== null ? document.querySelector(`tr[data-index="${index}"]`) : row;
            const state = current?.querySelector('.MuiChip-label')?.textContent;
            if (clickedAt && state === 'Finished') {
              mo.disconnect();
              resolve(performance.now() - clickedAt);
            }
          });
          mo.observe(document.body, { childList: true, subtree: true, characterData: true });
          setTimeout(() => {
            mo.disconnect();
            resolve(Number.NaN);
          }, 10_000);
        });
        return index;
      });
      if (armed === undefined) break;
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/approve/'), {
        timeout: 30_000,
      });
      await button.click();
      approveLatencies.push(await page.evaluate(() => (window as unknown as { __approve: Promise<number> }).__approve));
      await answered;
    }
    await page.waitForLoadState('networkidle');

    // Approve all: the confirm button's click → the section shows 0 pending (or the page shows the item completed).
    await page.getByRole('button', { name: 'Approve all', exact: true }).click();
    const confirm = page.getByRole('dialog').getByRole('button', { name: /^Approve \d+ items?$/ });
    await confirm.waitFor();
    await confirm.evaluate(() => {
      const w = window as unknown as { __approveAll?: Promise<number> };
      w.__approveAll = new Promise<number>((resolve) => {
        let clickedAt = 0;
        window.addEventListener(
          'click',
          (e) => {
            clickedAt = e.timeStamp;
          },
          { capture: true, once: true },
        );
        const done = () =>
          document.getElementById('approval-items-heading')?.textContent?.includes('(0 pending') ||
          document.body.textContent?.includes('This work item is completed');
        const mo = new MutationObserver(() => {
          if (clickedAt && done()) {
            mo.disconnect();
            resolve(performance.now() - clickedAt);
          }
        });
        mo.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => {
          mo.disconnect();
          resolve(Number.NaN);
        }, 120_000);
      });
    });
    await confirm.click();
    const approveAll = await page.evaluate(() => (window as unknown as { __approveAll: Promise<number> }).__approveAll);
    return {
      firstRows,
      frameP95,
      frameMax: sorted[sorted.length - 1] ?? Number.NaN,
      frames: frames.length,
      pxPerFrame: scroll.px,
      reachedEnd: scroll.reachedEnd,
      approveLatencies,
      approveAll,
    };
  } finally {
    await s.context.close();
  }
}

// ------------------------------------------------------------------------------------------------ memory

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / (1024 * 1024);
}

export interface MemoryRun {
  inbox250: number;
  after20Details: number;
  afterBack: number;
}

/**
 * JS heap (after forced GC): the inbox with 250 rows; after opening 20 detail pages in turn inside the app
 * (click a row's link, wait for its page, browser Back to the inbox, next row); after going back to the inbox.
 */
export async function memoryRun(browser: Browser, server: BenchServer, details: number): Promise<MemoryRun> {
  const s = await freshSession(browser, server);
  const { page, cdp } = s;
  try {
    await page.goto('/inbox?size=250', { waitUntil: 'commit' });
    await waitForMark(page, 'inbox-rows-visible');
    await page.waitForLoadState('networkidle');
    const inbox250 = await heapMB(cdp);
    const hrefs = await page
      .locator('table a[href^="/work-items/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href') ?? ''))].filter(Boolean));
    const n = Math.min(details, hrefs.length);
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        await page.goBack();
        await page.locator('table a[href^="/work-items/"]').first().waitFor();
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      const link = page.locator(`table a[href="${hrefs[i]}"]`).first();
      if ((await link.count()) > 0) await link.click();
      else {
        // Scrolled out by the virtualiser: the same in-app navigation through the router's history.
        await page.evaluate((href) => {
          history.pushState(null, '', href);
          dispatchEvent(new PopStateEvent('popstate'));
        }, hrefs[i]);
      }
      await page.waitForURL(/\/work-items\//);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    const after20Details = await heapMB(cdp);
    await page.goBack();
    await page.locator('table a[href^="/work-items/"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    const afterBack = await heapMB(cdp);
    return { inbox250, after20Details, afterBack };
  } finally {
    await s.context.close();
  }
}
