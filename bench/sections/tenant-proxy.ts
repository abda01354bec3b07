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
/** What a real tenant costs per call, on top of loopback: ISC answers from another continent or data centre. */
const TENANT_LATENCY_MS = 30;
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
      const perRun = 4 * latencyPairs + (2 * params.pairs) / 10;
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

      // As users pay it: the tenant answers every call TENANT_LATENCY_MS later (a latency fault rule on the
      // tenant sandbox), and the proxy's own cost is measured against that.
      const realistic: Record<string, number[]> = {};
      const realisticP50: Record<string, number[]> = {};
      const adminToken = await bearerToken(tenant, 'ada.admin');
      const faults = (method: string, body?: unknown) =>
        fetch(`${tenant.url}/sandbox/faults`, {
          method,
          headers: { authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
      const set = await faults('PUT', { spec: `/v3/**=latency:${TENANT_LATENCY_MS}` });
      if (!set.ok) throw new Error(`latency rule: HTTP ${set.status} ${await set.text()}`);
      try {
        for (let run = 0; run < runs; run++) {
          for (const call of Object.keys(CALLS) as Call[]) {
            const direct = await latency('direct', call);
            const proxied = await latency('proxy', call);
            push(realisticP50, `${call} direct`, direct.p50);
            push(realisticP50, `${call} proxy`, proxied.p50);
            push(realistic, call, proxied.p50 / direct.p50);
          }
        }
      } finally {
        await faults('DELETE');
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
      const realGoal = { text: '≤ 1.05×', test: (m: number) => m <= 1.05 };
      for (const [call, label] of Object.entries(CALLS)) {
        for (const route of ['direct', 'proxy'] as const) {
          out.add(
            '8 tenant proxy',
            `${label}, tenant at +${TENANT_LATENCY_MS} ms, ${route === 'direct' ? 'direct' : 'through the proxy'}: p50`,
            'ms',
            realisticP50[`${call} ${route}`],
          );
        }
        out.add(
          '8 tenant proxy',
          `${label}, tenant at +${TENANT_LATENCY_MS} ms: proxy p50 / direct p50 (as users pay it)`,
          '×',
          realistic[call],
          realGoal,
        );
      }
      return {
        figures: out.list,
        details: { tenantProxy: { p50, p95, rps, ratio, realistic, realisticP50, errors, poolLeft: pool.length } },
      };
    } finally {
      await proxy.stop();
    }
  },
} satisfies Section;
