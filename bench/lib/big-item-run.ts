import type { Browser } from 'playwright';
import { HOLD_MS } from '../../src/lib/held.ts';
import { freshSession, scrollThrough } from './browser.ts';
import type { BenchServer } from './servers.ts';

export interface BigItemRun {
  firstRows: number;
  frameP95: number;
  frameMax: number;
  frames: number;
  pxPerFrame: number;
  reachedEnd: boolean;
  approveLatencies: number[];
  /** Per click: whether the new state was in the DOM before the first animation frame after the click. */
  approveInNextFrame: boolean[];
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
  options: { clicks: number; minPxPerFrame: number; frameBudget: number; cpuThrottle?: number; scroll?: boolean },
): Promise<BigItemRun> {
  const s = await freshSession(browser, server, { cpuThrottle: options.cpuThrottle });
  const { page } = s;
  try {
    await page.goto(`/work-items/${encodeURIComponent(itemId)}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.firstApprovalRow > 0, undefined, { timeout: 60_000, polling: 50 });
    const firstRows = await page.evaluate(() => window.__bench.firstApprovalRow);
    // Let the virtualiser chunk load and settle before scrolling.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);

    const scroll =
      options.scroll === false
        ? { deltas: [], px: 0, reachedEnd: false }
        : await scrollThrough(page, options.minPxPerFrame, options.frameBudget);
    const frames = scroll.deltas;
    const sorted = [...frames].sort((a, b) => a - b);
    const frameP95 = sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;

    // Approve → on screen, timed in the page: the click's event time (capture listener) to the MutationObserver
    // callback that sees the row's state become Finished — the optimistic update — and whether that change was in
    // the DOM before the first animation frame after the click (so the next frame paints it). (The row's "Decided" text
    // comes later, once the server has answered; that wait is the server's round trip, not what the click shows.)
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    const approveLatencies: number[] = [];
    const approveInNextFrame: boolean[] = [];
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
          let frameAfterClick = false;
          const onClick = (e: Event) => {
            clickedAt = e.timeStamp;
            requestAnimationFrame(() => {
              frameAfterClick = true;
            });
          };
          window.addEventListener('click', onClick, { capture: true, once: true });
          const mo = new MutationObserver(() => {
            const current = index !== null ? document.querySelector(`tr[data-index="${index}"]`) : row;
            // ISC's state name (the text says it in words: "Approved")
            const state = current?.querySelector('[data-state]')?.getAttribute('data-state');
            if (clickedAt && state === 'Finished') {
              mo.disconnect();
              (window as unknown as { __inNextFrame?: boolean }).__inNextFrame = !frameAfterClick;
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
      await button.click();
      approveLatencies.push(await page.evaluate(() => (window as unknown as { __approve: Promise<number> }).__approve));
      approveInNextFrame.push(
        await page.evaluate(() => !!(window as unknown as { __inNextFrame?: boolean }).__inNextFrame),
      );
    }
    // A single decision is held for its undo window and sent when the next one is made: the last one goes out when
    // its window ends. Every click's request has been answered before "Approve all" starts.
    if (approveLatencies.length > 0) {
      await page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/approve/'), {
        timeout: HOLD_MS + 15_000,
      });
    }
    await page.waitForLoadState('networkidle');

    // Approve all: the confirm button's click → the section shows 0 pending (or the page shows the item completed).
    await page.getByRole('button', { name: 'Approve all', exact: true }).click();
    const confirm = page.getByRole('dialog').getByRole('button', { name: /^Approve \d+ approval items?$/ });
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
      approveInNextFrame,
      approveAll,
    };
  } finally {
    await s.context.close();
  }
}
