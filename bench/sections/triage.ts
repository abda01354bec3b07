// Clear-the-queue task: a scripted approver approves the first 25 approvals of a seeded queue three ways — by
// keyboard alone (j, then a per item, + Enter when it asks because the item has several approval items), by mouse in
// the list (expand, Approve all, confirm when asked) and the old way (open each, Approve all, confirm when asked,
// back) — counting every input event the script sends, each way on its own 25. Decisions are held with Undo and
// sent after the hold: the next one sends the one before.
import type { Page } from 'playwright';
import { Figures } from '../lib/figures.ts';
import { freshSession } from '../lib/browser.ts';
import type { BenchContext, Section } from '../lib/section.ts';
import type { BenchServer } from '../lib/servers.ts';

const ITEMS = 25;
// the work items' approvals (other kinds' approvals have pages of their own, checked through other APIs)
const LIST = '/inbox?kind=work-item&type=Approval';
const WAYS = ['keyboard', 'mouse in the list', 'old way (open, Approve all, back)'] as const;
type Way = (typeof WAYS)[number];

interface Run {
  seconds: number;
  events: number;
  approved: number;
  /** The work items it decided, checked through the API afterwards. */
  ids: string[];
}

async function firstRowId(page: Page): Promise<string> {
  const href = await page.locator('[data-testid="list-row"] a').first().getAttribute('href');
  return decodeURIComponent(/\/work-items\/([^?]+)/.exec(href ?? '')?.[1] ?? '');
}

async function focusedId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const href = document.activeElement?.closest('tr[data-index]')?.querySelector('a')?.getAttribute('href') ?? '';
    return /\/work-items\/([^?]+)/.exec(href)?.[1] ?? null;
  });
}

/** Where the focus is, for a run that stopped: the element, and its row's index and link. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const row = active?.closest('tr[data-index]');
    const dialog = document.querySelector('[role="dialog"]')?.textContent?.slice(0, 80);
    return `${active?.tagName ?? 'nothing'} in row ${row?.getAttribute('data-index') ?? '-'} (${
      row?.querySelector('a')?.getAttribute('href') ?? 'no link'
    })${dialog ? `; dialog open: ${dialog}` : ''}`;
  });
}

/**
 * "Approve all" asks first when it decides several approval items (in a dialog whose code loads on first use, so it
 * may take a moment to show): confirmed here with `confirm` once it shows, unless `decided` (the page's sign that
 * the decision was made) comes first. Resolves when decided; answers whether it asked.
 */
async function confirmIfAsked(
  page: Page,
  decided: Promise<unknown>,
  confirm: () => Promise<void> = () =>
    page
      .getByRole('dialog')
      .getByRole('button', { name: /^Approve \d+ approval items?$/ })
      .click(),
): Promise<boolean> {
  decided.catch(() => undefined); // awaited below; a rejection is reported there
  const asked = await Promise.race([
    page
      .getByRole('dialog')
      .waitFor({ timeout: 30_000 })
      .then(() => true),
    decided.then(() => false),
  ]);
  if (asked) {
    await confirm();
    // closed (it fades out) before the next decision looks for its own
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }
  await decided;
  return asked;
}

async function openList(page: Page) {
  await page.goto(LIST);
  await page.getByTestId('queue-mode').filter({ hasText: 'Whole list' }).waitFor({ timeout: 60_000 });
  // every page in: rows of a later page would otherwise land among the ones being worked through
  await page.getByTestId('queue-progress').waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator('[data-testid="list-row"]').first().waitFor();
}

async function byKeyboard(page: Page): Promise<Run> {
  let events = 0;
  const ids: string[] = [];
  const press = async (key: string) => {
    events++;
    await page.keyboard.press(key);
  };
  const started = performance.now();
  await press('j');
  for (let i = 0; i < ITEMS; i++) {
    await page.waitForFunction(() => document.activeElement?.closest('tr[data-index]'));
    const id = await focusedId(page);
    if (id) ids.push(decodeURIComponent(id));
    await press('a');
    // several approval items: the decision asks first (Enter confirms); one: it is made at once
    const movedOn = page
      .waitForFunction(
        (before) => {
          const href = document.activeElement?.closest('tr[data-index]')?.querySelector('a')?.getAttribute('href');
          return !!href && !href.includes(before ?? '\u0000');
        },
        id,
        { timeout: 30_000 },
      )
      .catch(async (error: unknown) => {
        throw new Error(`item ${i + 1}: the focus did not move on from ${id}: ${await describeFocus(page)}`, {
          cause: error,
        });
      });
    await confirmIfAsked(page, movedOn, () => press('Enter'));
  }
  return { seconds: (performance.now() - started) / 1000, events, approved: 0, ids };
}

async function byMouse(page: Page): Promise<Run> {
  let events = 0;
  const ids: string[] = [];
  const started = performance.now();
  for (let i = 0; i < ITEMS; i++) {
    const id = await firstRowId(page);
    ids.push(id);
    const row = page.locator('[data-testid="list-row"]').first();
    events++;
    await row.getByRole('button', { name: /^Show the items of / }).click();
    const panel = page.getByTestId('row-expansion');
    events++;
    await panel.getByRole('button', { name: 'Approve all' }).click();
    const gone = page.waitForFunction(
      (before) => !document.querySelector(`[data-testid="list-row"] a[href*="${before}"]`),
      id,
      { timeout: 30_000 },
    );
    if (await confirmIfAsked(page, gone)) events++;
  }
  return { seconds: (performance.now() - started) / 1000, events, approved: 0, ids };
}

async function oldWay(page: Page): Promise<Run> {
  let events = 0;
  const ids: string[] = [];
  const started = performance.now();
  for (let i = 0; i < ITEMS; i++) {
    const id = await firstRowId(page);
    events++;
    await page.locator('[data-testid="list-row"] a').first().click();
    await page.waitForURL(/\/work-items\//);
    // the item opened (the list may have moved between reading its first row and the click)
    const opened = decodeURIComponent(/\/work-items\/([^?/]+)/.exec(page.url())?.[1] ?? id);
    ids.push(opened);
    events++;
    await page
      .getByRole('button', { name: 'Approve all' })
      .click()
      .catch(async (error: unknown) => {
        const shot = `bench/out/triage-old-way-${Date.now()}.png`;
        await page.screenshot({ path: shot });
        throw new Error(`no Approve all on ${page.url()} (${shot})`, { cause: error });
      });
    if (await confirmIfAsked(page, page.getByText(/This work item is completed/).waitFor())) events++;
    events++;
    await page.locator('main a[data-shortcut="back"]').click();
    await page.waitForFunction(
      (before) =>
        !!document.querySelector('[data-testid="list-row"]') &&
        !document.querySelector(`[data-testid="list-row"] a[href*="${before}"]`),
      // the one approved, not the one first read: waiting on that one let the next turn open the approved item again
      opened,
    );
  }
  return { seconds: (performance.now() - started) / 1000, events, approved: 0, ids };
}

/** How many of `ids` the API now shows completed (Finished). */
async function finished(server: BenchServer, page: Page, ids: string[]): Promise<number> {
  let n = 0;
  for (const id of ids) {
    const r = await page.request.get(`${server.url}/v3/work-items/${id}`);
    if (r.ok() && ((await r.json()) as { state?: string }).state === 'Finished') n++;
  }
  return n;
}

export default {
  title: `9. triage: clear ${ITEMS} approvals by keyboard, by mouse in the list, the old way`,
  async run(ctx: BenchContext) {
    const out = new Figures();
    const browser = await ctx.browser();
    // each way on its own first 25 (of every run), with room to spare
    const server = await ctx.startServer('triage', { SANDBOX_SEED_SCALE: String(ITEMS * WAYS.length * ctx.runs + 30) });
    const results: Record<Way, Run[]> = {
      keyboard: [],
      'mouse in the list': [],
      'old way (open, Approve all, back)': [],
    };
    try {
      for (let run = 0; run < ctx.runs; run++) {
        for (const way of WAYS) {
          const s = await freshSession(browser, server);
          try {
            await openList(s.page);
            const result =
              way === 'keyboard'
                ? await byKeyboard(s.page)
                : way === 'mouse in the list'
                  ? await byMouse(s.page)
                  : await oldWay(s.page);
            // the last decision is still held for its Undo: sent now, as leaving the page would
            await s.page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
            // the API says when the decisions have landed (not the network going idle: the page may go on refreshing)
            const decided = [...new Set(result.ids)];
            const until = Date.now() + 20_000;
            result.approved = await finished(server, s.page, decided);
            while (result.approved < decided.length && Date.now() < until) {
              await s.page.waitForTimeout(250);
              result.approved = await finished(server, s.page, decided);
            }
            if (result.approved !== ITEMS) {
              const states = await Promise.all(
                decided.map(async (id) => {
                  const r = await s.page.request.get(`${server.url}/v3/work-items/${id}`);
                  return `${id}: ${((await r.json()) as { state?: string }).state}`;
                }),
              );
              ctx.reportError(
                `triage ${way}`,
                new Error(`${result.approved} of ${ITEMS} approved (${decided.length} distinct): ${states.join(', ')}`),
              );
            }
            results[way].push(result);
          } catch (error) {
            ctx.reportError(`triage ${way}`, error);
          } finally {
            await s.context.close();
          }
        }
      }
    } finally {
      await server.stop();
    }
    for (const way of WAYS) {
      const runs = results[way];
      out.add(
        '9 triage',
        `${way}: ${ITEMS} work items approved`,
        's',
        runs.map((r) => r.seconds),
      );
      out.add(
        '9 triage',
        `${way}: input events per work item`,
        'events',
        runs.map((r) => r.events / ITEMS),
        way === 'keyboard' ? { text: '≤ 3', test: (m) => m <= 3 } : undefined,
      );
    }
    return { figures: out.list, details: { triage: results } };
  },
} satisfies Section;
