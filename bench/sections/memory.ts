import { Figures } from '../lib/figures.ts';
import { memoryRun, type MemoryRun } from '../lib/memory-run.ts';
import type { Section } from '../lib/section.ts';

/** §6: the page's JS heap (after forced GC) on the inbox, after many detail pages, and back on the inbox. */
export default {
  title: '6. memory',
  servers: ['small'],
  async run(ctx) {
    const browser = await ctx.browser();
    const small = await ctx.small();
    const runs: MemoryRun[] = [];
    for (let run = 0; run < ctx.runs; run++) runs.push(await memoryRun(browser, small, ctx.params.details));
    const out = new Figures();
    out.add(
      '6 memory',
      'JS heap: inbox with its whole queue (40-item sandbox: every pending item listed)',
      'MB',
      runs.map((r) => r.inbox),
    );
    out.add(
      '6 memory',
      `JS heap: after ${Math.min(...runs.map((r) => r.opened))} detail pages in turn`,
      'MB',
      runs.map((r) => r.after20Details),
    );
    out.add(
      '6 memory',
      'JS heap: after going back to the inbox',
      'MB',
      runs.map((r) => r.afterBack),
    );
    return { figures: out.list };
  },
} satisfies Section;
