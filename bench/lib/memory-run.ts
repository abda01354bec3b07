import type { Browser, CDPSession } from 'playwright';
import { freshSession, waitForMark } from './browser.ts';
import type { BenchServer } from './servers.ts';

export async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / (1024 * 1024);
}

export interface MemoryRun {
  inbox: number;
  after20Details: number;
  afterBack: number;
}

/**
 * JS heap (after forced GC): the inbox with its whole queue; after opening 20 detail pages in turn inside the app
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
    const hrefs = await page
      .locator('table a[href^="/work-items/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href') ?? ''))].filter(Boolean));
    const n = Math.min(details, hrefs.length);
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
      const clicked =
        (await link.count()) > 0 &&
        (await link.click({ timeout: 5_000 }).then(
          () => true,
          () => false,
        ));
      if (!clicked) {
        // Not drawn: the same in-app navigation through the router's history.
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
    return { inbox, after20Details, afterBack };
  } finally {
    await s.context.close();
  }
}
