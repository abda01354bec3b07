import type { Browser, CDPSession } from 'playwright';
import { freshSession, waitForMark } from './browser.ts';
import { bearerToken, type BenchServer } from './servers.ts';

export async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / (1024 * 1024);
}

/** The detail-page paths of the caller's first `n` pending work items. */
async function firstWorkItems(server: BenchServer, n: number): Promise<string[]> {
  const response = await fetch(`${server.url}/v3/work-items?limit=${n}&offset=0`, {
    headers: { authorization: `Bearer ${await bearerToken(server)}` },
  });
  if (!response.ok) throw new Error(`work items: HTTP ${response.status} ${await response.text()}`);
  const items = (await response.json()) as { id: string }[];
  return items.map((w) => `/work-items/${encodeURIComponent(w.id)}`);
}

export interface MemoryRun {
  /** Detail pages opened (the pending work items the API lists first, up to the number asked for). */
  opened: number;
  inbox: number;
  after20Details: number;
  afterBack: number;
}

/**
 * JS heap (after forced GC): the inbox with its whole queue; after opening `details` detail pages in turn inside the app
 * (click a row's link, wait for its page, browser Back to the inbox, next row); after going back to the inbox.
 */
export async function memoryRun(browser: Browser, server: BenchServer, details: number): Promise<MemoryRun> {
  const s = await freshSession(browser, server);
  const { page, cdp } = s;
  try {
    await page.goto('/inbox', { waitUntil: 'commit' });
    await waitForMark(page, 'inbox-rows-visible');
    await page.waitForLoadState('networkidle');
    const inbox = await heapMB(cdp);
    // The work items to open, from the API: the list draws only the rows on screen, and with three kinds newest
    // first, fewer than `details` of them may be work items.
    const hrefs = await firstWorkItems(server, details);
    const n = hrefs.length;
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        await page.goBack();
        await page.locator('table a[href^="/work-items/"]').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      // Back shows the list in its sorted order, where the first load had kept rows put as later pages and kinds
      // arrived: a row may now be past the rows drawn until the user scrolls
      const link = page.locator(`table a[href="${hrefs[i]}"]`).first();
      const opened = () =>
        page.waitForFunction(() => location.pathname.startsWith('/work-items/'), null, { timeout: 3_000 });
      const clicked =
        (await link.count()) > 0 &&
        (await link
          .click({ timeout: 5_000 })
          .then(
            () => opened().then(() => true),
            () => false,
          )
          .catch(() => false));
      if (!clicked) {
        // Not drawn, or the click landed as the list settled: the same in-app navigation through the router's history.
        await page.evaluate((href) => {
          history.pushState(null, '', href);
          dispatchEvent(new PopStateEvent('popstate'));
        }, hrefs[i]);
        await opened().catch(async (error: unknown) => {
          const at = await page.evaluate(() => location.pathname);
          throw new Error(`detail page ${i + 1} (${hrefs[i]}) did not open: at ${at}`, { cause: error });
        });
      }
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    const after20Details = await heapMB(cdp);
    await page.goBack();
    await page.locator('table a[href^="/work-items/"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    const afterBack = await heapMB(cdp);
    return { opened: n, inbox, after20Details, afterBack };
  } finally {
    await s.context.close();
  }
}
