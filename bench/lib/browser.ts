// Browser sessions for the benchmark: a fresh context per measurement, the page-side probes (LCP, the first approval
// row), cold loads and the static baseline page. The longer page drivers are shipped-bytes.ts, big-item-run.ts and
// memory-run.ts.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
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
