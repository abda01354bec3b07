// Concurrent deciders: 50 clients deciding the approval items of many big work items at once, several
// racing on the same items (approve against reject, single against bulk, the owner against an admin).
// Proves: each approval item is decided exactly once, every loser gets a clear 400, no 5xx, and the counts and
// summary agree with the lists throughout (a reader polls them during the run) and at the end.
// CI size by default (2,000 items); SOAK=1 runs the full size (10,000 items).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto, WorkItem } from '../contract/work-items.ts';
import { ALICE } from './sandbox/identities.ts';
import { openSandboxDb } from './sandbox/index.ts';
import { prng, seedBigItem } from './sandbox/seed.ts';
import { allPending, client, tokenFor, type Call } from './sandbox/testing.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const SOAK = process.env.SOAK === '1';
const WORK_ITEMS = SOAK ? 100 : 20;
const ITEMS_PER_WORK_ITEM = 100;
const CLIENTS = 50;

type Decision = 'approve' | 'reject';
type Task =
  | { kind: 'single'; workItemId: string; approvalItemId: string; decision: Decision }
  | { kind: 'bulk'; workItemId: string; decision: Decision };

let dir: string;
let server: TestServer;
const workItems = new Map<string, string[]>(); // work item → its approval items

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-deciders-'));
  const file = path.join(dir, 'sandbox.sqlite');
  const db = openSandboxDb({ sandboxDb: file, seedScale: 0, sandboxBigItemSize: 0 });
  for (let i = 0; i < WORK_ITEMS; i++) {
    const id = seedBigItem(db, ITEMS_PER_WORK_ITEM, ALICE, 9000 + i);
    const rows = db.prepare('SELECT id FROM approval_items WHERE work_item_id = ? ORDER BY position').all(id);
    workItems.set(
      id,
      (rows as { id: string }[]).map((r) => r.id),
    );
  }
  db.close();
  server = await startTestServer({ SANDBOX_DB: file });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const text = (body: unknown) => ((body as ErrorResponseDto)?.messages ?? []).map((m) => m.text).join(' ');

describe('concurrent deciders', () => {
  it(`${CLIENTS} clients decide ${WORK_ITEMS * ITEMS_PER_WORK_ITEM} approval items, racing: each decided exactly once`, async () => {
    const rng = prng(20260509);
    // 40 clients act as alice (the owner), 10 as ada (an admin acting on alice's items): each its own token.
    const callers: Call[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      callers.push(client(server.url, await tokenFor(server.url, i < 40 ? 'alice.approver' : 'ada.admin')));
    }
    const queues: Task[][] = callers.map(() => []);
    const decision = (): Decision => (rng.next() < 0.5 ? 'approve' : 'reject');
    let contested = 0;
    for (const [workItemId, approvalItems] of workItems) {
      for (const approvalItemId of approvalItems) {
        // 1 to 3 clients on each item, with their own (often opposite) decisions.
        const racers = 1 + (rng.next() < 0.5 ? 1 : 0) + (rng.next() < 0.1 ? 1 : 0);
        if (racers > 1) contested++;
        const chosen = new Set<number>();
        while (chosen.size < racers) chosen.add(rng.int(0, CLIENTS - 1));
        for (const c of chosen) queues[c].push({ kind: 'single', workItemId, approvalItemId, decision: decision() });
      }
      // Three bulk decisions per work item, late in three clients' queues: they race the singles still pending.
      for (let b = 0; b < 3; b++) {
        queues[rng.int(0, CLIENTS - 1)].push({ kind: 'bulk', workItemId, decision: decision() });
      }
    }
    for (const q of queues) {
      // Shuffle, then move bulk tasks into the last 40% so that singles and bulks overlap.
      for (let i = q.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [q[i], q[j]] = [q[j], q[i]];
      }
      const singles: Task[] = q.filter((t) => t.kind === 'single');
      const bulks = q.filter((t) => t.kind === 'bulk');
      for (const b of bulks) singles.splice(rng.int(Math.floor(singles.length * 0.6), singles.length), 0, b);
      q.splice(0, q.length, ...singles);
    }

    const singleWins = new Map<string, Decision[]>();
    const bulkWins = new Map<string, { decision: Decision; body: WorkItem }[]>();
    const problems: string[] = [];
    let requests = 0;
    let losers = 0;
    let running = true;

    // A reader that polls while the deciders work: summary adds up, total never changes, open never grows.
    const reader = client(server.url, await tokenFor(server.url, 'ada.admin'));
    const q = `?ownerId=${ALICE.id}`;
    const first = await reader<{ open: number; completed: number; total: number }>('GET', `/v3/work-items/summary${q}`);
    let readings = 0;
    const readerLoop = (async () => {
      let lastOpen = first.body.open;
      while (running) {
        const s = await reader<{ open: number; completed: number; total: number }>('GET', `/v3/work-items/summary${q}`);
        readings++;
        if (s.status !== 200) problems.push(`summary ${s.status}`);
        else {
          if (s.body.total !== first.body.total || s.body.open + s.body.completed !== s.body.total) {
            problems.push(`summary does not add up: ${JSON.stringify(s.body)}`);
          }
          if (s.body.open > lastOpen) problems.push(`open grew from ${lastOpen} to ${s.body.open}`);
          lastOpen = s.body.open;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    const started = Date.now();
    await Promise.all(
      queues.map(async (queue, c) => {
        const call = callers[c];
        for (const task of queue) {
          const url =
            task.kind === 'single'
              ? `/v3/work-items/${task.workItemId}/${task.decision}/${task.approvalItemId}`
              : `/v3/work-items/bulk-${task.decision}/${task.workItemId}`;
          let res;
          try {
            res = await call<WorkItem>('POST', url);
          } catch (error) {
            problems.push(`${url}: no answer (${String(error)})`);
            continue;
          }
          requests++;
          if (res.status === 200) {
            if (task.kind === 'single') {
              const list = singleWins.get(task.approvalItemId) ?? [];
              list.push(task.decision);
              singleWins.set(task.approvalItemId, list);
            } else {
              const list = bulkWins.get(task.workItemId) ?? [];
              list.push({ decision: task.decision, body: res.body });
              bulkWins.set(task.workItemId, list);
            }
          } else if (
            res.status === 400 &&
            /already decided|already completed|no pending approval items/.test(text(res.body)) &&
            /^[0-9a-f]{32}$/.test((res.body as ErrorResponseDto).trackingId ?? '')
          ) {
            losers++;
          } else {
            problems.push(`${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    running = false;
    await readerLoop;
    expect(problems).toEqual([]);

    // Exactly once: an item has at most one single winner; a work item at most one bulk winner; an item
    // without a single winner was decided by its work item's bulk winner; a single winner before a bulk
    // winner is not overwritten by it (the bulk's answer shows the single's decision).
    const state = (d: Decision) => (d === 'approve' ? 'Finished' : 'Rejected');
    const admin = client(server.url, await tokenFor(server.url, 'ada.admin'));
    let decidedBySingle = 0;
    let decidedByBulk = 0;
    for (const [workItemId, approvalItems] of workItems) {
      const bulks = bulkWins.get(workItemId) ?? [];
      expect(bulks.length, `bulk winners of ${workItemId}`).toBeLessThanOrEqual(1);
      const final = await admin<WorkItem>('GET', `/v3/work-items/${workItemId}`);
      expect(final.body.state).toMatch(/^(Finished|Rejected)$/);
      expect(final.body.completed).toBeTruthy();
      const finalState = new Map(final.body.approvalItems!.map((a) => [a.id, a.state]));
      const bulkState = new Map((bulks[0]?.body.approvalItems ?? []).map((a) => [a.id, a.state]));
      for (const approvalItemId of approvalItems) {
        const singles = singleWins.get(approvalItemId) ?? [];
        expect(singles.length, `single winners of ${approvalItemId}`).toBeLessThanOrEqual(1);
        const deciders = singles.length + (singles.length === 0 && bulks.length === 1 ? 1 : 0);
        expect(deciders, `deciders of ${approvalItemId}`).toBe(1);
        const winner = singles[0] ?? bulks[0].decision;
        if (singles.length) decidedBySingle++;
        else decidedByBulk++;
        expect(finalState.get(approvalItemId)).toBe(state(winner));
        if (bulks.length) expect(bulkState.get(approvalItemId)).toBe(state(winner));
      }
    }

    // Counts, completed counts and summary agree with the lists, for the owner and for the admin's view of her.
    const alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
    for (const [call, query] of [
      [alice, ''],
      [admin, `&ownerId=${ALICE.id}`],
    ] as const) {
      const pending = await allPending(call, query);
      const completed: WorkItem[] = [];
      for (let offset = 0; ; offset += 250) {
        const page = await call<WorkItem[]>('GET', `/v3/work-items/completed?limit=250&offset=${offset}${query}`);
        completed.push(...page.body);
        if (page.body.length < 250) break;
      }
      const count = await call<{ count: number }>('GET', `/v3/work-items/count?${query}`);
      const completedCount = await call<{ count: number }>('GET', `/v3/work-items/completed/count?${query}`);
      const summary = await call('GET', `/v3/work-items/summary?${query}`);
      expect(count.body.count).toBe(pending.length);
      expect(completedCount.body.count).toBe(completed.length);
      expect(summary.body).toEqual({
        open: pending.length,
        completed: completed.length,
        total: pending.length + completed.length,
      });
      expect(summary.body).toMatchObject({ total: first.body.total, open: first.body.open - WORK_ITEMS });
      for (const id of workItems.keys()) {
        expect(pending.some((w) => w.id === id)).toBe(false);
        expect(completed.filter((w) => w.id === id)).toHaveLength(1);
      }
    }

    const items = WORK_ITEMS * ITEMS_PER_WORK_ITEM;
    console.log(
      `deciders: ${CLIENTS} clients decided ${items} approval items of ${WORK_ITEMS} work items in ${seconds.toFixed(1)} s ` +
        `(${requests} requests, ${Math.round(requests / seconds)}/s): ${decidedBySingle} by single decisions, ` +
        `${decidedByBulk} by ${bulkWins.size} bulk decisions; ${contested} items contested, ${losers} losers told 400; ` +
        `${readings} summary readings during the run; 0 double decisions, 0 5xx`,
    );
  }, 600_000);
});
