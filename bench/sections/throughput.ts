import fs from 'node:fs';
import path from 'node:path';
import { approvalPairs, listBody, listThroughput, mixedThroughput, throughput } from '../lib/api.ts';
import { Figures, KB } from '../lib/figures.ts';
import type { Section } from '../lib/section.ts';
import { bearerToken } from '../lib/servers.ts';
import { LIST_PAGE_FILE } from '../lib/setup.ts';

/**
 * §7: requests/s and p99 under concurrent load (autocannon) on the scaled server: list only, and list + approve; and
 * the same server sending a static file of the list page's size (its body, written into the build it serves), the
 * baseline the list's requests/s are compared with in each run.
 */
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
    const staticFile = path.join(ctx.distDir, LIST_PAGE_FILE);
    const ratios: number[] = [];
    let staticBytes = 0;
    for (let run = 0; run < runs; run++) {
      fs.writeFileSync(staticFile, await listBody(scaled, token));
      staticBytes = fs.statSync(staticFile).size;
      const baseline = await throughput(`${scaled.url}/${LIST_PAGE_FILE}`, 10, params.cannonSeconds);
      push('static', baseline);
      const list = await listThroughput(scaled, token, 10, params.cannonSeconds);
      push('10', list);
      ratios.push(list.rps / baseline.rps);
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
      ['static', `static file of the list page's size (${(staticBytes / KB).toFixed(0)} KB), 10 connections`],
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
      if (key === '10') {
        figures.add(
          '7 throughput',
          'list / static file of the same size, 10 connections (pairwise per run)',
          '×',
          ratios,
          { text: '≥ 0.5', test: (m) => m >= 0.5 },
        );
      }
    }
    return {
      figures: figures.list,
      details: { throughput: { ...out, staticBytes, ratios, mixed: { ...out.mixed, runs: mixed } } },
    };
  },
} satisfies Section;
