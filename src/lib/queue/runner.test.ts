// The bulk runner: concurrency and the sliding-window rate limit on timed fake calls; then against the real
// sandbox, a 429 with Retry-After in the middle of a run (waited out by the http client, nothing lost, nothing
// carried out twice), Cancel, and a stopping 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiTestServer } from '../../test/api-server.tsx';
import type { WorkItem } from '../../../contract/work-items.ts';
import { approveApprovalItemsInBulk } from '../../features/work-items/api/approve-approval-items-in-bulk.ts';
import { listWorkItems } from '../../features/work-items/api/list-work-items.ts';
import { pendingApprovalItems } from '../../features/work-items/rules.ts';
import { runQueue } from './runner.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${i}` }));

describe('runQueue with timed calls', () => {
  it('never more than `concurrency` at once, never more than `intervalCap` starts in any window', async () => {
    let active = 0;
    let most = 0;
    const starts: number[] = [];
    const t0 = Date.now();
    const run = runQueue(
      items(12),
      async () => {
        starts.push(Date.now() - t0);
        active++;
        most = Math.max(most, active);
        await sleep(20);
        active--;
      },
      { concurrency: 2, intervalCap: 4, interval: 300 },
    );
    const outcomes = await run.done;
    expect(outcomes.map((o) => o.status)).toEqual(Array(12).fill('ok'));
    expect(most).toBe(2);
    // sliding window: the 5th start is at least one interval after the 1st. Less 10 ms: p-queue's timer is due on
    // the event loop's clock, read at the top of a loop turn, which can lag Date.now() by a few ms (a start was
    // seen 294 ms after the one four before it) — nothing to ISC's window of 10 s.
    for (let i = 4; i < starts.length; i++) expect(starts[i] - starts[i - 4]).toBeGreaterThanOrEqual(290);
    expect(starts.at(-1)!).toBeGreaterThanOrEqual(600); // 12 starts at 4 per 300 ms: at least 2 full windows
  });

  it('each id is performed once, even when given twice; outcomes come in the order given', async () => {
    const performed: string[] = [];
    const list = [{ id: 'x' }, { id: 'y' }, { id: 'x' }, { id: 'z' }, { id: 'y' }];
    const outcomes = await runQueue(list, async (item) => {
      performed.push(item.id);
      if (item.id === 'y') throw new Error('refused');
    }).done;
    expect(performed.sort()).toEqual(['x', 'y', 'z']);
    expect(outcomes.map((o) => [o.item.id, o.status])).toEqual([
      ['x', 'ok'],
      ['y', 'failed'],
      ['z', 'ok'],
    ]);
  });

  it('Cancel: what is in flight finishes, nothing more starts, the rest is reported cancelled', async () => {
    const performed: string[] = [];
    const reported: string[] = [];
    const run = runQueue(
      items(10),
      async (item) => {
        performed.push(item.id);
        await sleep(50);
      },
      { concurrency: 2, onOutcome: (o) => reported.push(`${o.item.id}:${o.status}`) },
    );
    await sleep(10);
    run.cancel();
    const outcomes = await run.done;
    expect(performed).toEqual(['i0', 'i1']);
    expect(outcomes.filter((o) => o.status === 'ok').map((o) => o.item.id)).toEqual(['i0', 'i1']);
    expect(outcomes.filter((o) => o.status === 'cancelled')).toHaveLength(8);
    expect(reported).toHaveLength(10); // once each
  });

  it('a stopping error stops the run: that item and every unstarted one are "stopped", reported at once', async () => {
    const reported: string[] = [];
    const run = runQueue(
      items(6),
      async (item) => {
        if (item.id === 'i0') throw Object.assign(new Error('expired'), { status: 401 });
        await sleep(40);
      },
      {
        concurrency: 2,
        stopsRun: (e) => (e as { status?: number }).status === 401,
        onOutcome: (o) => reported.push(`${o.item.id}:${o.status}`),
      },
    );
    await sleep(10);
    // i1 is in flight; i2..i5 never start and are known to be stopped before i1 settles
    expect(reported.sort()).toEqual(['i0:stopped', 'i2:stopped', 'i3:stopped', 'i4:stopped', 'i5:stopped']);
    const outcomes = await run.done;
    expect(outcomes.map((o) => o.status)).toEqual(['stopped', 'ok', 'stopped', 'stopped', 'stopped', 'stopped']);
  });
});

describe('runQueue against the sandbox', () => {
  let api: ApiTestServer;
  let pending: WorkItem[];
  beforeAll(async () => {
    // the first two bulk approvals the server sees are refused with a 429 (Retry-After: 1), before anything runs
    api = await startApiServer({
      SANDBOX_SEED_SCALE: '30',
      SANDBOX_FAULTS: 'POST /v3/work-items/bulk-approve/*=status:429,retry-after:1,count:2',
    });
    await api.signInAs('alice.approver');
    pending = (await listWorkItems({ limit: 250, offset: 0 })).items.filter((w) => pendingApprovalItems(w).length > 0);
  });
  afterAll(() => api?.close());

  it('a 429 mid-run is waited out: every item decided once, none lost, the refused calls sent once more', async () => {
    const chosen = pending.slice(0, 8);
    api.requests.length = 0;
    const started = Date.now();
    const outcomes = await runQueue(chosen, (w) => approveApprovalItemsInBulk({ workItemId: w.id }), {
      concurrency: 3,
    }).done;
    const took = Date.now() - started;
    expect(outcomes.map((o) => o.status)).toEqual(Array(8).fill('ok'));
    await api.settled();
    const posts = api.requests.filter((r) => r.method === 'POST' && r.url.startsWith('/v3/work-items/bulk-approve/'));
    const byItem = new Map<string, { ok: number; limited: number }>();
    for (const r of posts) {
      const id = r.url.split('/').pop()!;
      const entry = byItem.get(id) ?? { ok: 0, limited: 0 };
      if (r.status === 429) entry.limited++;
      else if (r.status === 200) entry.ok++;
      byItem.set(id, entry);
    }
    expect([...byItem.keys()].sort()).toEqual(chosen.map((w) => w.id).sort());
    for (const [, entry] of byItem) expect(entry.ok, 'carried out exactly once').toBe(1);
    expect(posts.filter((r) => r.status === 429)).toHaveLength(2);
    expect(posts).toHaveLength(10);
    expect(took, 'Retry-After: 1 was waited out').toBeGreaterThanOrEqual(950);
    const left = new Set((await listWorkItems({ limit: 250, offset: 0 })).items.map((w) => w.id));
    expect(chosen.filter((w) => left.has(w.id))).toEqual([]);
  });
});
