import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listLatency, totalPending } from '../lib/api.ts';
import { Figures } from '../lib/figures.ts';
import type { Section } from '../lib/section.ts';
import { bearerToken } from '../lib/servers.ts';

const TITLE = '3. server latency of the list endpoint';

/**
 * The second half of §3: sequential GETs of a 250-item page of the scaled inbox at its first, middle and last offset
 * (and the first page uncompressed), timed from this process; plus the SQLite query plans behind them.
 */
export default {
  title: TITLE,
  servers: ['scaled'],
  async run(ctx) {
    const { latencyRequests } = ctx.params;
    const scaled = await ctx.scaled();
    const token = await bearerToken(scaled);
    const total = await totalPending(scaled, token);
    const last = Math.floor((total - 1) / 250) * 250;
    const middle = Math.floor(total / 2 / 250) * 250;
    const goal = { text: '≤ 25 ms', test: (m: number) => m <= 25 };
    const perOffset: Record<string, { p50: number[]; p95: number[] }> = {};
    for (let run = 0; run < ctx.runs; run++) {
      for (const [label, offset] of [
        ['offset 0', 0],
        [`middle (offset ${middle})`, middle],
        [`last page (offset ${last})`, last],
      ] as const) {
        const r = await listLatency(scaled, token, offset, latencyRequests);
        perOffset[label] ??= { p50: [], p95: [] };
        perOffset[label].p50.push(r.p50);
        perOffset[label].p95.push(r.p95);
      }
      // The same first page without compression: how much of the time is compressing the ~240 KB JSON.
      const plain = await listLatency(scaled, token, 0, latencyRequests, 'identity');
      perOffset['offset 0, Accept-Encoding: identity'] ??= { p50: [], p95: [] };
      perOffset['offset 0, Accept-Encoding: identity'].p50.push(plain.p50);
      perOffset['offset 0, Accept-Encoding: identity'].p95.push(plain.p95);
    }
    const out = new Figures();
    for (const [label, r] of Object.entries(perOffset)) {
      out.add(
        '3 scale',
        `GET /v3/work-items?limit=250&count=true, ${total.toLocaleString('en')} rows, ${label}: p50`,
        'ms',
        r.p50,
      );
      out.add('3 scale', `… ${label}: p95 (${latencyRequests} sequential requests a run)`, 'ms', r.p95, goal);
    }
    const details: Record<string, unknown> = { scaledTotal: total };
    try {
      const plans = queryPlans(path.join(scaled.dataDir, 'sandbox.sqlite'), last);
      if (plans) details.queryPlans = plans;
    } catch (error) {
      // The plans only explain the figures: without them the figures still stand.
      ctx.reportError(TITLE, error);
    }
    return { figures: out.list, details };
  },
} satisfies Section;

/** The query plans behind the list endpoint (for the README's "why"), read from the scaled sandbox's database. */
function queryPlans(dbFile: string, offset: number) {
  if (!fs.existsSync(dbFile)) return undefined;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
    const owner = (
      db.prepare(`SELECT owner_id FROM work_items GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1`).get() as {
        owner_id: string;
      }
    ).owner_id;
    const page = (direction: string) =>
      plan(
        `SELECT id FROM work_items WHERE owner_id = ? AND state = 'Pending'
         ORDER BY created ${direction}, id ${direction} LIMIT 250 OFFSET ?`,
        owner,
        offset,
      );
    return {
      // A page in the newer half walks from the newest end, one in the older half from the oldest end.
      page: page('DESC'),
      pageFromOldest: page('ASC'),
      count: plan(`SELECT pending FROM work_item_counts WHERE owner_id = ?`, owner),
      approvals: plan(
        `SELECT * FROM approval_items WHERE work_item_id IN (SELECT value FROM json_each(?)) ORDER BY work_item_id, position`,
        '[]',
      ),
    };
  } finally {
    db.close();
  }
}
