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
 * scaled inbox, at 25 and 250 rows, interleaved within every run so that each ratio compares loads of the same run.
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
      { key: 'inbox 25', server: small, url: '/inbox', mark: 'inbox-rows-visible', throttle: 1 },
      { key: 'inbox 250', server: small, url: '/inbox?size=250', mark: 'inbox-rows-visible', throttle: 1 },
      { key: 'inbox 25 x4', server: small, url: '/inbox', mark: 'inbox-rows-visible', throttle: 4 },
      { key: 'inbox 250 x4', server: small, url: '/inbox?size=250', mark: 'inbox-rows-visible', throttle: 4 },
      { key: 'scaled 25', server: scaled, url: '/inbox', mark: 'inbox-rows-visible', throttle: 1 },
      { key: 'scaled 250', server: scaled, url: '/inbox?size=250', mark: 'inbox-rows-visible', throttle: 1 },
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
    const oneSecond = { text: '≤ 1000 ms', test: (m: number) => m <= 1000 };
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
    for (const [key, label] of [
      ['inbox 25', 'inbox 25 rows'],
      ['inbox 250', 'inbox 250 rows'],
      ['inbox 25 x4', 'inbox 25 rows, CPU ×4'],
      ['inbox 250 x4', 'inbox 250 rows, CPU ×4'],
    ] as const) {
      const goal = key.endsWith('x4') ? undefined : oneSecond;
      out.add('2 cold load', `${label}: navigation → first rows`, 'ms', rows[key], goal);
      out.add('2 cold load', `${label}: LCP`, 'ms', lcp[key]);
      const base = key.endsWith('x4') ? rows['baseline x4'] : rows.baseline;
      out.add(
        '2 cold load',
        `${label}: first rows / baseline (same run)`,
        '×',
        rows[key].map((v, i) => v / base[i]),
      );
    }
    const scaleGoal = { text: '≤ 1.2×', test: (m: number) => m <= 1.2 };
    const items = ctx.params.scale.toLocaleString('en');
    for (const size of ['25', '250']) {
      out.add(
        '3 scale',
        `inbox ${size} rows, ${items} items: navigation → first rows`,
        'ms',
        rows[`scaled ${size}`],
        oneSecond,
      );
      out.add(
        '3 scale',
        `inbox ${size} rows: ${items} items / 40 items (pairwise per run)`,
        '×',
        rows[`scaled ${size}`].map((v, i) => v / rows[`inbox ${size}`][i]),
        scaleGoal,
      );
    }
    return { figures: out.list, details: { coldLoads: { rows, lcp, waterfallOfFirstRun: waterfalls } } };
  },
} satisfies Section;
