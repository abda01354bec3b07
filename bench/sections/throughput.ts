import { approvalPairs, listThroughput, mixedThroughput } from '../lib/api.ts';
import { Figures } from '../lib/figures.ts';
import type { Section } from '../lib/section.ts';
import { bearerToken } from '../lib/servers.ts';

/** §7: requests/s and p99 under concurrent load (autocannon) on the scaled server: list only, and list + approve. */
export default {
  title: '7. server throughput (autocannon)',
  servers: ['scaled'],
  async run(ctx) {
    const { runs, params } = ctx;
    const scaled = await ctx.scaled();
    const token = await bearerToken(scaled);
    const out: Record<string, { rps: number[]; p99: number[]; errors: number[] }> = {};
    const push = (key: string, r: { rps: number; p99: number; errors: number; non2xx: number }) => {
      out[key] ??= { rps: [], p99: [], errors: [] };
      out[key].rps.push(r.rps);
      out[key].p99.push(r.p99);
      out[key].errors.push(r.errors + r.non2xx);
    };
    const pairs = await approvalPairs(scaled, token, params.pairs, 250 * 4);
    const perRun = Math.floor(pairs.length / runs);
    const mixed: { decisions: number; poolSize: number }[] = [];
    for (let run = 0; run < runs; run++) {
      push('10', await listThroughput(scaled, token, 10, params.cannonSeconds));
      push('50', await listThroughput(scaled, token, 50, params.cannonSeconds));
      const m = await mixedThroughput(
        scaled,
        token,
        pairs.slice(run * perRun, (run + 1) * perRun),
        10,
        params.cannonSeconds,
      );
      push('mixed', m);
      mixed.push({ decisions: m.decisions, poolSize: m.poolSize });
    }
    const figures = new Figures();
    for (const [key, label] of [
      ['10', 'list (limit=250, count), 10 connections'],
      ['50', 'list (limit=250, count), 50 connections'],
      ['mixed', 'mixed: list + approve alternating, 10 connections'],
    ] as const) {
      const errs = out[key].errors.reduce((a, b) => a + b, 0);
      figures.add(
        '7 throughput',
        `${label}: requests/s`,
        'req/s',
        out[key].rps,
        undefined,
        errs ? `${errs} errors/non-2xx` : undefined,
      );
      figures.add('7 throughput', `${label}: p99 latency`, 'ms', out[key].p99);
    }
    return { figures: figures.list, details: { throughput: { ...out, mixed: { ...out.mixed, runs: mixed } } } };
  },
} satisfies Section;
