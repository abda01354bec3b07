import crypto from 'node:crypto';
import { BASELINE_FILE, BASELINE_PAINTED_MARK, FIRST_ROWS_MARK, coldLoad } from '../lib/browser.ts';
import { bearerToken } from '../lib/servers.ts';
import { Figures } from '../lib/figures.ts';
import type { Browser } from 'playwright';
import type { Section } from '../lib/section.ts';
import type { BenchServer } from '../lib/servers.ts';

interface Scenario {
  key: string;
  server: BenchServer;
  url: string;
  mark: string;
  throttle: number;
  signIn?: boolean;
  tenant?: boolean;
  takeover?: boolean;
}

/** What a real tenant costs per call on top of loopback (as in the tenant-proxy section). */
const TENANT_LATENCY_MS = 30;

/**
 * §2 and the first half of §3: cold loads (fresh context each) of the static baseline page, the 40-item inbox and the
 * scaled inbox, interleaved within every run so that each ratio compares loads of the same run. The inbox lists its
 * whole queue (no pages): "first rows" is the first time rows of it are on screen, whatever the queue's size.
 */
export default {
  title: '2+3. cold loads (interleaved: baseline, 40 items, scaled, tenant mode)',
  servers: ['small', 'scaled'],
  async run(ctx) {
    const browser = await ctx.browser();
    const [small, scaled] = await Promise.all([ctx.small(), ctx.scaled()]);
    // tenant mode: our server in front of a sandbox of its own (the demo's 40 items) that answers every API call
    // TENANT_LATENCY_MS late, so the first rows pay what a real tenant's first pages cost
    const tenantSandbox = await ctx.startServer('cold-tenant', {});
    const proxy = await ctx.startServer('cold-proxy', {
      SAIL_BASE_URL: tenantSandbox.url,
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
    });
    try {
      const admin = await bearerToken(tenantSandbox, 'ada.admin');
      const set = await fetch(`${tenantSandbox.url}/sandbox/faults`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ spec: `/v3/**=latency:${TENANT_LATENCY_MS}` }),
      });
      if (!set.ok) throw new Error(`latency rule: HTTP ${set.status} ${await set.text()}`);
      return await measure(ctx, browser, small, scaled, proxy);
    } finally {
      await Promise.all([proxy.stop(), tenantSandbox.stop()]);
    }
  },
} satisfies Section;

async function measure(
  ctx: Parameters<Section['run']>[0],
  browser: Browser,
  small: BenchServer,
  scaled: BenchServer,
  tenant: BenchServer,
) {
  {
    const scenarios: Scenario[] = [
      {
        key: 'baseline',
        server: small,
        url: `/${BASELINE_FILE}`,
        mark: BASELINE_PAINTED_MARK,
        throttle: 1,
        signIn: false,
      },
      {
        key: 'baseline x4',
        server: small,
        url: `/${BASELINE_FILE}`,
        mark: BASELINE_PAINTED_MARK,
        throttle: 4,
        signIn: false,
      },
      { key: 'inbox', server: small, url: '/inbox', mark: FIRST_ROWS_MARK, throttle: 1, takeover: true },
      { key: 'inbox x4', server: small, url: '/inbox', mark: FIRST_ROWS_MARK, throttle: 4, takeover: true },
      { key: 'scaled', server: scaled, url: '/inbox', mark: FIRST_ROWS_MARK, throttle: 1 },
      {
        key: 'tenant',
        server: tenant,
        url: '/inbox',
        mark: FIRST_ROWS_MARK,
        throttle: 1,
        tenant: true,
        takeover: true,
      },
    ];
    const rows: Record<string, number[]> = {};
    const appRows: Record<string, number[]> = {};
    const shift: Record<string, number[]> = {};
    const lcp: Record<string, number[]> = {};
    const waterfalls: Record<string, unknown> = {};
    // One warm-up load per server (server JIT, OS file cache), not counted (skipped in --quick).
    if (!ctx.quick) {
      await coldLoad(browser, small, '/inbox', { mark: FIRST_ROWS_MARK });
      await coldLoad(browser, scaled, '/inbox', { mark: FIRST_ROWS_MARK });
      await coldLoad(browser, tenant, '/inbox', { mark: FIRST_ROWS_MARK, tenant: true });
    }
    for (let run = 0; run < ctx.runs; run++) {
      for (const s of scenarios) {
        const r = await coldLoad(browser, s.server, s.url, {
          mark: s.mark,
          cpuThrottle: s.throttle,
          signIn: s.signIn,
          tenant: s.tenant,
          takeover: s.takeover,
        });
        (rows[s.key] ??= []).push(r.rowsVisible);
        if (r.appRows !== undefined) (appRows[s.key] ??= []).push(r.appRows);
        if (r.layoutShift !== undefined) (shift[s.key] ??= []).push(r.layoutShift);
        (lcp[s.key] ??= []).push(r.lcp);
        if (run === 0) waterfalls[s.key] = [...r.waterfall, { what: 'mark', start: r.rowsVisible, end: r.rowsVisible }];
      }
    }
    const out = new Figures();
    const twoTimes = { text: '≤ 2× static', test: (m: number) => m <= 2 };
    const noShift = { text: '0', test: (m: number) => m === 0 };
    const first = 'navigation → first rows painted';
    out.add(
      '2 cold load',
      'baseline static page: navigation → text painted',
      'ms',
      rows.baseline,
      undefined,
      `/${BASELINE_FILE} from the same server`,
    );
    out.add('2 cold load', 'baseline static page: LCP', 'ms', lcp.baseline);
    out.add('2 cold load', 'baseline static page, CPU ×4: navigation → text painted', 'ms', rows['baseline x4']);
    out.add('2 cold load', `inbox (40 items): ${first}`, 'ms', rows.inbox);
    out.add('2 cold load', 'inbox (40 items): LCP', 'ms', lcp.inbox);
    out.add(
      '2 cold load',
      'inbox (40 items): first rows / static baseline (same run)',
      '×',
      rows.inbox.map((v, i) => v / rows.baseline[i]),
      twoTimes,
    );
    out.add('2 cold load', 'inbox (40 items): navigation → the app has taken over (its own rows)', 'ms', appRows.inbox);
    out.add(
      '2 cold load',
      'inbox (40 items): layout shift, first paint → whole list loaded (sum)',
      'CLS',
      shift.inbox,
      noShift,
    );
    out.add('2 cold load', `inbox (40 items), CPU ×4: ${first}`, 'ms', rows['inbox x4'], {
      text: '≤ 600 ms',
      test: (m) => m <= 600,
    });
    out.add('2 cold load', 'inbox (40 items), CPU ×4: LCP', 'ms', lcp['inbox x4']);
    out.add(
      '2 cold load',
      'inbox (40 items), CPU ×4: first rows / static baseline ×4 (same run)',
      '×',
      rows['inbox x4'].map((v, i) => v / rows['baseline x4'][i]),
      twoTimes,
    );
    out.add('2 cold load', 'inbox (40 items), CPU ×4: the app has taken over', 'ms', appRows['inbox x4']);
    out.add('2 cold load', 'inbox (40 items), CPU ×4: layout shift (sum)', 'CLS', shift['inbox x4'], noShift);
    const tenantAt = `tenant mode, tenant at +${TENANT_LATENCY_MS} ms`;
    out.add('2 cold load', `inbox (40 items), ${tenantAt}: ${first}`, 'ms', rows.tenant);
    out.add(
      '2 cold load',
      `inbox (40 items), ${tenantAt}: first rows − sandbox mode's (pairwise)`,
      'ms',
      rows.tenant.map((v, i) => v - rows.inbox[i]),
      undefined,
      'the session lookup and both first pages, each one call to the tenant',
    );
    out.add('2 cold load', `inbox (40 items), ${tenantAt}: the app has taken over`, 'ms', appRows.tenant);
    out.add('2 cold load', `inbox (40 items), ${tenantAt}: layout shift (sum)`, 'CLS', shift.tenant, noShift);
    const items = ctx.params.scale.toLocaleString('en');
    out.add('3 scale', `inbox (${items} items): ${first}`, 'ms', rows.scaled);
    out.add(
      '3 scale',
      `inbox (${items} items): first rows / static baseline (same run)`,
      '×',
      rows.scaled.map((v, i) => v / rows.baseline[i]),
      twoTimes,
    );
    out.add(
      '3 scale',
      `inbox: first rows, ${items} items / 40 items (pairwise per run)`,
      '×',
      rows.scaled.map((v, i) => v / rows.inbox[i]),
      { text: '≤ 1.2×', test: (m: number) => m <= 1.2 },
    );
    return {
      figures: out.list,
      details: { coldLoads: { rows, appRows, shift, lcp, waterfallOfFirstRun: waterfalls } },
    };
  }
}
