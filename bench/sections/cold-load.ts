import { BASELINE_FILE, coldLoad } from '../lib/browser.ts';
import { Figures } from '../lib/figures.ts';
import type { Section } from '../lib/section.ts';
import type { BenchServer } from '../lib/servers.ts';

interface Scenario {
  key: string;
  server: BenchServer;
  url: string;
  mark: string;
  throttle: number;
  signIn?: boolean;
}

/**
 * §2 and the first half of §3: cold loads (fresh context each) of the static baseline page, the 40-item inbox and the
 * scaled inbox, interleaved within every run so that each ratio compares loads of the same run. The inbox lists its
 * whole queue (no pages): "first rows" is the first time rows of it are on screen, whatever the queue's size.
 */
export default {
  title: '2+3. cold loads (interleaved: baseline, 40 items, scaled)',
  servers: ['small', 'scaled'],
  async run(ctx) {
    const browser = await ctx.browser();
    const [small, scaled] = await Promise.all([ctx.small(), ctx.scaled()]);
    const scenarios: Scenario[] = [
      {
        key: 'baseline',
        server: small,
        url: `/${BASELINE_FILE}`,
        mark: 'baseline-visible',
        throttle: 1,
        signIn: false,
      },
      {
        key: 'baseline x4',
        server: small,
        url: `/${BASELINE_FILE}`,
        mark: 'baseline-visible',
        throttle: 4,
        signIn: false,
      },
      { key: 'inbox', server: small, url: '/inbox', mark: 'inbox-rows-visible', throttle: 1 },
      { key: 'inbox x4', server: small, url: '/inbox', mark: 'inbox-rows-visible', throttle: 4 },
      { key: 'scaled', server: scaled, url: '/inbox', mark: 'inbox-rows-visible', throttle: 1 },
    ];
    const rows: Record<string, number[]> = {};
    const lcp: Record<string, number[]> = {};
    const waterfalls: Record<string, unknown> = {};
    // One warm-up load per server (server JIT, OS file cache), not counted (skipped in --quick).
    if (!ctx.quick) {
      await coldLoad(browser, small, '/inbox', { mark: 'inbox-rows-visible' });
      await coldLoad(browser, scaled, '/inbox', { mark: 'inbox-rows-visible' });
    }
    for (let run = 0; run < ctx.runs; run++) {
      for (const s of scenarios) {
        const r = await coldLoad(browser, s.server, s.url, {
          mark: s.mark,
          cpuThrottle: s.throttle,
          signIn: s.signIn,
        });
        (rows[s.key] ??= []).push(r.rowsVisible);
        (lcp[s.key] ??= []).push(r.lcp);
        if (run === 0) waterfalls[s.key] = [...r.waterfall, { what: 'mark', start: r.rowsVisible, end: r.rowsVisible }];
      }
    }
    const out = new Figures();
    const threeTimes = { text: '≤ 3× static', test: (m: number) => m <= 3 };
    out.add(
      '2 cold load',
      'baseline static page: navigation → text parsed',
      'ms',
      rows.baseline,
      undefined,
      `/${BASELINE_FILE} from the same server`,
    );
    out.add('2 cold load', 'baseline static page: LCP', 'ms', lcp.baseline);
    out.add('2 cold load', 'baseline static page, CPU ×4: navigation → text parsed', 'ms', rows['baseline x4']);
    out.add('2 cold load', 'inbox (40 items): navigation → first rows', 'ms', rows.inbox);
    out.add('2 cold load', 'inbox (40 items): LCP', 'ms', lcp.inbox);
    out.add(
      '2 cold load',
      'inbox (40 items): first rows / static baseline (same run)',
      '×',
      rows.inbox.map((v, i) => v / rows.baseline[i]),
      threeTimes,
    );
    out.add('2 cold load', 'inbox (40 items), CPU ×4: navigation → first rows', 'ms', rows['inbox x4'], {
      text: '≤ 1,200 ms',
      test: (m) => m <= 1200,
    });
    out.add('2 cold load', 'inbox (40 items), CPU ×4: LCP', 'ms', lcp['inbox x4']);
    out.add(
      '2 cold load',
      'inbox (40 items), CPU ×4: first rows / static baseline ×4 (same run)',
      '×',
      rows['inbox x4'].map((v, i) => v / rows['baseline x4'][i]),
      threeTimes,
    );
    const items = ctx.params.scale.toLocaleString('en');
    out.add('3 scale', `inbox (${items} items): navigation → first rows`, 'ms', rows.scaled);
    out.add(
      '3 scale',
      `inbox (${items} items): first rows / static baseline (same run)`,
      '×',
      rows.scaled.map((v, i) => v / rows.baseline[i]),
      threeTimes,
    );
    out.add(
      '3 scale',
      `inbox: first rows, ${items} items / 40 items (pairwise per run)`,
      '×',
      rows.scaled.map((v, i) => v / rows.inbox[i]),
      { text: '≤ 1.2×', test: (m: number) => m <= 1.2 },
    );
    return { figures: out.list, details: { coldLoads: { rows, lcp, waterfallOfFirstRun: waterfalls } } };
  },
} satisfies Section;
