import fs from 'node:fs';
import path from 'node:path';
import { listBody } from '../lib/api.ts';
import { startCandidates, type CandidateRun } from '../lib/compression.ts';
import { Figures, KB } from '../lib/figures.ts';
import type { Section } from '../lib/section.ts';
import { bearerToken } from '../lib/servers.ts';

/**
 * §3, compression: which on-the-fly setting suits a 250-item JSON page. The page is read once from the scaled
 * sandbox; each candidate (compression-candidates.ts) sends it over loopback, timed to the last byte.
 */
export default {
  title: '3. on-the-fly compression of a 250-item page',
  servers: ['scaled'],
  async run(ctx) {
    const scaled = await ctx.scaled();
    const token = await bearerToken(scaled);
    const bodyFile = path.join(ctx.tmpDir, 'list-page-250.json');
    fs.writeFileSync(bodyFile, await listBody(scaled, token));
    const size = fs.statSync(bodyFile).size;
    const candidates = await startCandidates(bodyFile);
    const runs: CandidateRun[][] = [];
    try {
      for (let run = 0; run < ctx.runs; run++) runs.push(await candidates.measure(ctx.params.latencyRequests));
    } finally {
      candidates.stop();
    }
    const out = new Figures();
    const page = `250-item page (${(size / KB).toFixed(0)} KB JSON), loopback`;
    for (const [i, { label }] of runs[0].entries()) {
      out.add(
        '3 compression',
        `${page}, ${label}: time to last byte p50`,
        'ms',
        runs.map((r) => r[i].p50),
      );
      out.add(
        '3 compression',
        `… ${label}: time to last byte p95`,
        'ms',
        runs.map((r) => r[i].p95),
      );
      out.add(
        '3 compression',
        `… ${label}: bytes on the wire`,
        'KB',
        runs.map((r) => r[i].bytes / KB),
      );
    }
    return { figures: out.list, details: { compression: { pageBytes: size, runs } } };
  },
} satisfies Section;
