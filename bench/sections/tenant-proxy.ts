import crypto from 'node:crypto';
import {
  approvalPairs,
  approvePath,
  approveThroughput,
  sequentialLatency,
  throughput,
  totalPending,
} from '../lib/api.ts';
import { Figures } from '../lib/figures.ts';
import type { Section } from '../lib/section.ts';
import { bearerToken, type BenchServer } from '../lib/servers.ts';

const LIST = '/v3/work-items?limit=250&offset=0&count=true';
const COUNT = '/v3/work-items/count';

type Route = 'direct' | 'proxy';
type Call = 'list' | 'count' | 'approve';
const CALLS: Record<Call, string> = {
  list: 'list (limit=250, count)',
  count: 'count',
  approve: 'approve one approval item',
};

/**
 * §8: our server in tenant mode (SAIL_BASE_URL set) in front of the scaled sandbox as the tenant, against the same
 * calls made to the sandbox directly, in the same run: sequential latency of list, count and approve, and their
 * requests/s with 10 connections. The bearer token rides in the Authorization header, which the proxy forwards.
 */
export default {
  title: '8. tenant-mode proxy overhead',
  servers: ['scaled'],
  async run(ctx) {
    const { runs, params } = ctx;
    const tenant = await ctx.scaled();
    const proxy = await ctx.startServer('tenant-mode', {
      SAIL_BASE_URL: tenant.url,
      SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
    });
    try {
      const token = await bearerToken(tenant);
      const headers = { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' };
      const latencyPairs = params.latencyRequests + 3;
      const perRun = 2 * latencyPairs + (2 * params.pairs) / 10;
      // From the older half: away from the first pages §7 decides (pairs collected now are still pending).
      const pool = await approvalPairs(
        tenant,
        token,
        runs * perRun,
        Math.floor((await totalPending(tenant, token)) / 2),
      );
      const take = (n: number) => pool.splice(0, n);
      const base: Record<Route, BenchServer> = { direct: tenant, proxy };

      const latency = (route: Route, call: Call) => {
        const url = base[route].url;
        if (call !== 'approve') {
          return sequentialLatency(params.latencyRequests, () =>
            fetch(url + (call === 'list' ? LIST : COUNT), { headers }),
          );
        }
        const pairs = take(latencyPairs);
        return sequentialLatency(params.latencyRequests, (i) =>
          fetch(url + approvePath(pairs[i]), { method: 'POST', headers }),
        );
      };
      const load = (route: Route, call: Call) => {
        const url = base[route].url;
        if (call === 'approve') return approveThroughput(url, token, take(params.pairs / 10), 10);
        return throughput(url + (call === 'list' ? LIST : COUNT), 10, params.cannonSeconds, headers);
      };

      const p50: Record<string, number[]> = {};
      const p95: Record<string, number[]> = {};
      const rps: Record<string, number[]> = {};
      const ratio: Record<string, number[]> = {};
      const errors: Record<string, number> = {};
      const push = (table: Record<string, number[]>, key: string, value: number) => (table[key] ??= []).push(value);
      for (let run = 0; run < runs; run++) {
        for (const call of Object.keys(CALLS) as Call[]) {
          // Direct and proxied in turn, so a change in the machine's load hits both alike.
          const direct = await latency('direct', call);
          const proxied = await latency('proxy', call);
          for (const [route, r] of [
            ['direct', direct],
            ['proxy', proxied],
          ] as const) {
            push(p50, `${call} ${route}`, r.p50);
            push(p95, `${call} ${route}`, r.p95);
          }
          push(ratio, call, proxied.p50 / direct.p50);
          for (const route of ['direct', 'proxy'] as const) {
            const r = await load(route, call);
            push(rps, `${call} ${route}`, r.rps);
            errors[`${call} ${route}`] = (errors[`${call} ${route}`] ?? 0) + r.errors + r.non2xx;
          }
        }
      }

      const out = new Figures();
      const goal = { text: '≤ 1.15×', test: (m: number) => m <= 1.15 };
      for (const [call, label] of Object.entries(CALLS)) {
        for (const route of ['direct', 'proxy'] as const) {
          const key = `${call} ${route}`;
          const how = route === 'direct' ? 'direct to the sandbox' : 'through the tenant-mode proxy';
          out.add('8 tenant proxy', `${label}, ${how}: p50`, 'ms', p50[key]);
          out.add(
            '8 tenant proxy',
            `… ${how}: p95 (${params.latencyRequests} sequential requests a run)`,
            'ms',
            p95[key],
          );
        }
        out.add('8 tenant proxy', `${label}: proxy p50 / direct p50 (pairwise per run)`, '×', ratio[call], goal);
        for (const route of ['direct', 'proxy'] as const) {
          const key = `${call} ${route}`;
          const note = errors[key] ? `${errors[key]} errors/non-2xx` : undefined;
          out.add(
            '8 tenant proxy',
            `${label}, ${route}, 10 connections: requests/s`,
            'req/s',
            rps[key],
            undefined,
            note,
          );
        }
      }
      return { figures: out.list, details: { tenantProxy: { p50, p95, rps, ratio, errors, poolLeft: pool.length } } };
    } finally {
      await proxy.stop();
    }
  },
} satisfies Section;
