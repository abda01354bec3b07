// Browser sessions for the benchmark: a fresh context per measurement, the page-side probes (LCP, the first approval
// row), cold loads and the static baseline page. The longer page drivers are shipped-bytes.ts, big-item-run.ts and
// memory-run.ts.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
import type { BenchServer } from './servers.ts';

export const VIEWPORT = { width: 1280, height: 900 };

/**
 * Marked by the page harness when the inbox's first rows are on screen: painted from the HTML (element timing of the
 * server's first row) or, without rows in the HTML, in the document from the app.
 */
export const FIRST_ROWS_MARK = 'bench-first-rows';
/** Marked by the page harness when the static baseline's heading was painted (element timing). */
export const BASELINE_PAINTED_MARK = 'bench-baseline-painted';

/** Installed before any page script: LCP (buffered) and the first approval-item row, in page time. */
const INIT_SCRIPT = `(() => {
  // tsx (esbuild keepNames) wraps named functions of this harness in __name(...); page.evaluate ships their source
  // to the page as it is, so the page needs the helper too.
  window.__name = window.__name || ((f) => f);
  window.__bench = { lcp: 0, firstApprovalRow: 0, shifts: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
    // when the text marked elementtiming="…" was painted: the server's first row, the baseline's heading
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const name = e.identifier === 'first-rows' ? '${FIRST_ROWS_MARK}' : e.identifier === 'baseline' ? '${BASELINE_PAINTED_MARK}' : '';
        if (name && performance.getEntriesByName(name, 'mark').length === 0) {
          performance.mark(name, { startTime: e.renderTime || e.loadTime });
        }
      }
    }).observe({ type: 'element', buffered: true });
  } catch {}
  const watch = () => {
    // the inbox's first rows when the app rendered them (no rows in the HTML): the first list row in the document
    let rows = false;
    const mo = new MutationObserver(() => {
      if (!rows && document.querySelector('[data-testid="list-row"]')) {
        rows = true;
        if (performance.getEntriesByName('${FIRST_ROWS_MARK}', 'mark').length === 0) performance.mark('${FIRST_ROWS_MARK}');
      }
      if (!window.__bench.firstApprovalRow && document.querySelector('[data-testid="approval-item-row"]')) {
        window.__bench.firstApprovalRow = performance.now();
      }
      if (rows && window.__bench.firstApprovalRow) mo.disconnect();
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.documentElement) watch(); else document.addEventListener('DOMContentLoaded', watch);
})();`;

declare global {
  interface Window {
    __bench: { lcp: number; firstApprovalRow: number; shifts: number[] };
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
  options: { identity?: string | null; cpuThrottle?: number; tenant?: boolean } = {},
): Promise<Session> {
  const context = await browser.newContext({ baseURL: server.url, viewport: VIEWPORT });
  await context.addInitScript(INIT_SCRIPT);
  const identity = options.identity === undefined ? 'alice.approver' : options.identity;
  if (identity) {
    // tenant mode signs in with a personal access token (the sandbox's client credentials stand in for one)
    const response = await context.request.post('/auth/session', {
      data: options.tenant ? { clientId: identity, clientSecret: 'sandbox-secret' } : { identity },
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
export async function waitForMark(page: Page, name: string, timeout = 30_000): Promise<number> {
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
  /** The app's own list on screen (the `inbox-rows-visible` mark), when asked for. */
  appRows?: number;
  /** The layout shifts from navigation until the app's list is in and settled (the sum: CLS's own score). */
  layoutShift?: number;
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
  options: { cpuThrottle?: number; mark: string; signIn?: boolean; tenant?: boolean; takeover?: boolean },
): Promise<ColdLoad> {
  const s = await freshSession(browser, server, {
    cpuThrottle: options.cpuThrottle,
    identity: options.signIn === false ? null : 'alice.approver',
    tenant: options.tenant,
  });
  try {
    await s.page.goto(url, { waitUntil: 'commit' });
    const rowsVisible = await waitForMark(s.page, options.mark);
    const result: ColdLoad = { rowsVisible, lcp: 0, waterfall: [] };
    if (options.takeover) {
      // the app's own rows, the server's screen gone, the whole list in; then two frames for a last shift to report
      result.appRows = await waitForMark(s.page, 'inbox-rows-visible');
      await s.page.waitForFunction(
        () =>
          !document.querySelector('[data-first-screen]') &&
          !!document.querySelector('[data-testid="queue-mode"]') &&
          !document.querySelector('[data-testid="queue-progress"]'),
        undefined,
        { timeout: 30_000, polling: 50 },
      );
      await s.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      result.layoutShift = await s.page.evaluate(() => window.__bench.shifts.reduce((a, b) => a + b, 0));
    }
    result.lcp = await lcpAfterSettle(s.page);
    result.waterfall = await waterfall(s.page);
    return result;
  } finally {
    await s.context.close();
  }
}

/** The static baseline page: served by the same server from the same dist/, marks itself when its text is parsed. */
export const BASELINE_FILE = 'bench-baseline.html';
export const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bench baseline</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><h1 elementtiming="baseline">Static baseline</h1><p>A static page served by the same server: navigation, HTTP and first paint, no app.</p>
<script src="/bench-baseline.js"></script></body></html>
`;
/** External, not inline: the server's CSP allows scripts from 'self' only. */
export const BASELINE_SCRIPT_FILE = 'bench-baseline.js';
export const BASELINE_SCRIPT = "performance.mark('baseline-visible');\n";

/**
 * Scrolls the window top to bottom in a bounded number of frames (≥ `minPx` a frame, at most ~`budget` frames, at
 * most 20 s on a very busy machine), recording rAF deltas in the page: each step is larger than the viewport plus
 * overscan once the list is long, so every frame renders a fresh set of rows, the worst case (like dragging the
 * scrollbar).
 */
export function scrollThrough(
  page: Page,
  minPx: number,
  budget: number,
): Promise<{ deltas: number[]; px: number; reachedEnd: boolean }> {
  return page.evaluate(
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
    { minPx, budget },
  );
}
