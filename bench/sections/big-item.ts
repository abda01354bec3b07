import { bigItemRun, type BigItemRun } from '../lib/big-item-run.ts';
import { Figures } from '../lib/figures.ts';
import type { Section } from '../lib/section.ts';
import { bearerToken, type BenchServer } from '../lib/servers.ts';
import { quantile, round } from '../lib/stats.ts';

/** Scrolling the big item: at least this many px a frame, and the whole list in about FRAME_BUDGET frames. */
const MIN_PX_PER_FRAME = 300;
const FRAME_BUDGET = 240;

async function findBigItem(server: BenchServer, token: string, size: number): Promise<string> {
  const response = await fetch(`${server.url}/v3/work-items?limit=250&offset=0`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const items = (await response.json()) as { id: string; name?: string; approvalItems?: unknown[] | null }[];
  const big = items.reduce((a, b) => ((b.approvalItems?.length ?? 0) > (a.approvalItems?.length ?? 0) ? b : a));
  if (!big || (big.approvalItems?.length ?? 0) < size) throw new Error('the big work item was not seeded');
  return big.id;
}

/**
 * §4 and §5, from the same page session per run: a work item with thousands of approval items (load, scroll,
 * "Approve all") and single "Approve" clicks on its rows (click → the row shows its new state).
 */
export default {
  title: (ctx) => `4+5. big work item (${ctx.params.bigItem.toLocaleString('en')} approval items), approve clicks`,
  async run(ctx) {
    const { bigItem, clicks } = ctx.params;
    const browser = await ctx.browser();
    const runs: BigItemRun[] = [];
    for (let run = 0; run < ctx.runs; run++) {
      // A fresh sandbox each run: "Approve all" and the clicks use the item up.
      const big = await ctx.startServer(`big${run}`, { SANDBOX_BIG_ITEM_SIZE: String(bigItem) });
      try {
        const id = await findBigItem(big, await bearerToken(big), bigItem);
        runs.push(
          await bigItemRun(browser, big, id, {
            clicks,
            minPxPerFrame: MIN_PX_PER_FRAME,
            frameBudget: FRAME_BUDGET,
          }),
        );
      } catch (error) {
        // One failed run does not lose the others: recorded, and the figures are the runs that finished.
        ctx.reportError(`big item run ${run + 1}`, String(error));
        if (run === ctx.runs - 1 && runs.length === 0) throw error;
      } finally {
        await big.stop();
      }
    }
    const out = new Figures();
    out.add(
      '4 big item',
      'navigation → first approval rows',
      'ms',
      runs.map((r) => r.firstRows),
    );
    out.add(
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
    out.add(
      '4 big item',
      'scroll: longest frame',
      'ms',
      runs.map((r) => r.frameMax),
    );
    out.add(
      '4 big item',
      '"Approve all" confirmed → page shows 0 pending',
      'ms',
      runs.map((r) => r.approveAll),
    );
    const all = runs.flatMap((r) => r.approveLatencies).filter(Number.isFinite);
    out.add(
      '5 interaction',
      `click "Approve" → row shows its new state: p95 of ${clicks} clicks`,
      'ms',
      runs.map((r) => quantile(r.approveLatencies.filter(Number.isFinite), 0.95)),
      {
        text: '≤ 50 ms',
        test: (m) => m <= 50,
      },
      `pooled over ${all.length} clicks: p50 ${round(quantile(all, 0.5))} ms, p95 ${round(quantile(all, 0.95))} ms`,
    );
    out.add(
      '5 interaction',
      'click "Approve" → new state: p50',
      'ms',
      runs.map((r) => quantile(r.approveLatencies.filter(Number.isFinite), 0.5)),
    );
    const details = runs.map((r) => ({ ...r, approveLatencies: r.approveLatencies.map((v) => round(v, 1)) }));
    return { figures: out.list, details: { bigItem: details } };
  },
} satisfies Section;
