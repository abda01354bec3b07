// Page drivers for the whole-queue section: a cold load of the inbox (first rows, whole queue loaded, when the first
// list request left), the same list fetched back to back with curl, typing into the search box (keystroke → the
// filtered rows painted, timed in the page), and "Approve N selected" end to end under the real rate limit.
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright';
import { freshSession, waitForMark, type Session } from './browser.ts';
import type { BenchServer } from './servers.ts';

export interface QueueLoad {
  firstRows: number;
  /** Navigation start → every row in the index (NaN when only the first page is loaded: bound 250). */
  loaded: number;
  /** When the first list request started (ms since navigation start). */
  firstListRequest: number;
  /** When the last list answer arrived (ms since navigation start). */
  lastListAnswer: number;
}

/** A fresh session on /inbox; `bound` is written to localStorage first (250: the first page only). */
export async function openQueue(browser: Browser, server: BenchServer, bound?: number): Promise<Session> {
  const s = await freshSession(browser, server);
  if (bound) await s.context.addInitScript((b) => localStorage.setItem('wii.queue-bound', String(b)), bound);
  await s.page.goto('/inbox', { waitUntil: 'commit' });
  return s;
}

export async function measureLoad(page: Page, whole: boolean): Promise<QueueLoad> {
  const firstRows = await waitForMark(page, 'inbox-rows-visible', 60_000);
  const loaded = whole ? await waitForMark(page, 'pending-queue-loaded', 120_000) : Number.NaN;
  const [firstListRequest, lastListAnswer] = await page.evaluate(() => {
    const listPaths = ['/v3/work-items', '/v3/access-request-approvals/pending', '/v2025/generic-approvals'];
    const lists = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) =>
      listPaths.some((path) => new URL(e.name).pathname.endsWith(path)),
    );
    return [Math.min(...lists.map((e) => e.startTime)), Math.max(...lists.map((e) => e.responseEnd))];
  });
  return { firstRows, loaded, firstListRequest, lastListAnswer };
}

/** The list calls of the inbox's three kinds, as the page makes them for one's own pending queue. */
const QUEUE_LISTS = [
  { path: '/v3/work-items', query: '' },
  { path: '/v3/access-request-approvals/pending', query: '' },
  { path: '/v2025/generic-approvals', query: `&mine=true&filters=${encodeURIComponent('status eq "PENDING"')}` },
];

/** Every page of 250 of the signed-in caller's pending queue, all three kinds, and how many items they hold. */
export async function queuePages(server: BenchServer, token: string): Promise<{ urls: string[]; total: number }> {
  const urls: string[] = [];
  let total = 0;
  for (const list of QUEUE_LISTS) {
    const r = await fetch(`${server.url}${list.path}?limit=1&offset=0&count=true${list.query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!r.ok) throw new Error(`${list.path} answered ${r.status}: ${await r.text()}`);
    const count = Number(r.headers.get('x-total-count'));
    total += count;
    for (let offset = 0; offset < Math.max(count, 1); offset += 250) {
      urls.push(`${server.url}${list.path}?limit=250&offset=${offset}&count=true${list.query}`);
    }
  }
  return { urls, total };
}

/** Milliseconds for curl to fetch `urls` back to back (one process, one kept-alive connection). */
export function curlPages(token: string, urls: string[]): number {
  const args = ['-s', '--compressed', '-H', `Authorization: Bearer ${token}`];
  for (const url of urls) args.push('-o', '/dev/null', url);
  const started = process.hrtime.bigint();
  execFileSync('curl', args);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Types `text` into the search box one key at a time (`pause` ms apart), then deletes it again, and returns for
 * each keystroke the time from its keydown to the first frame after the table shows rows filtered with the box's
 * new value (`data-applied-search`), measured in the page.
 */
export async function typingLatencies(page: Page, text: string, pause = 150): Promise<number[]> {
  const box = page.getByRole('searchbox', { name: 'Search the list' });
  await box.click();
  const keys = [...text.split(''), ...text.split('').map(() => 'Backspace')];
  const out: number[] = [];
  for (const key of keys) {
    await page.evaluate(() => {
      const w = window as unknown as { __typed?: Promise<number> };
      w.__typed = new Promise<number>((resolve) => {
        const input = document.activeElement as HTMLInputElement;
        let downAt = 0;
        window.addEventListener('keydown', (e) => (downAt = e.timeStamp), { capture: true, once: true });
        const check = () => {
          const table = document.querySelector('table[data-applied-search]') as HTMLElement | null;
          if (downAt && table && table.dataset.appliedSearch === input.value) {
            // this frame paints the filtered rows: note the time just after it
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - downAt);
            channel.port2.postMessage(0);
            return;
          }
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
        setTimeout(() => resolve(Number.NaN), 10_000);
      });
    });
    await page.keyboard.press(key);
    out.push(await page.evaluate(() => (window as unknown as { __typed: Promise<number> }).__typed));
    await page.waitForTimeout(pause);
  }
  return out;
}

/**
 * `ids` preselected (the inbox keeps its selection in sessionStorage), the inbox loaded, then a pause so the
 * token's rate-limit window starts afresh; then "Approve selected" → confirm → the dialog says done. Returns the
 * milliseconds from the confirming click to done.
 */
export async function approveSelected(browser: Browser, server: BenchServer, ids: string[], pause: number) {
  const s = await freshSession(browser, server);
  try {
    await s.context.addInitScript(
      (selected) => sessionStorage.setItem('wii.selection.me', JSON.stringify(selected)),
      ids,
    );
    const { page } = s;
    await page.goto('/inbox', { waitUntil: 'commit' });
    await waitForMark(page, 'pending-queue-loaded', 120_000);
    await page.getByText(`${ids.length.toLocaleString('en')} selected`).waitFor();
    await page.waitForTimeout(pause);
    await page.getByRole('button', { name: 'Approve selected' }).click();
    // "Approve 963 approval items in 200 work items": the count of what is decided, then of the rows
    const confirm = page
      .getByRole('dialog')
      .getByRole('button', { name: new RegExp(`^Approve (\\d+ approval items? in )?${ids.length} work items$`) });
    await confirm.waitFor();
    const started = Date.now();
    await confirm.click();
    await page.getByRole('heading', { name: 'Approve selected: done' }).waitFor({ timeout: 180_000 });
    const took = Date.now() - started;
    const summary = await page.getByRole('dialog').textContent();
    return { took, allApproved: summary?.includes(`Approved ${ids.length} work items.`) ?? false };
  } finally {
    await s.context.close();
  }
}
