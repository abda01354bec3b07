// Concurrent deciders: several server processes on one SQLite database in WAL mode (how the sandbox runs behind a
// load balancer, and the only setup where two decisions can really interleave: one process runs one statement at
// a time), with racing clients fired at the same moment at different processes: approve against reject, single
// against bulk, the owner against an admin.
// Proves, counting every answer: each approval item has exactly one winner across all processes; every loser gets
// a 400 that names the state the winner left (and that state is the one stored); no 5xx; every process decided
// some items; counts and summary agree with the lists throughout (a reader polls them during the run) and at the
// end, on every process.
// Sizes: `npm test` 1,000 items on 3 processes, SOAK=ci 4,000, SOAK=1 10,000 (server/soak-size.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto, WorkItem } from '../contract/work-items.ts';
import { startChildServer, type ChildServer } from './test/child-server.ts';
import { signingKey } from './sandbox/oauth/tokens.ts';
import { ALICE } from './sandbox/identities.ts';
import { openSandboxDb } from './sandbox/index.ts';
import { prng } from './sandbox/prng.ts';
import { seedBigItem } from './sandbox/work-items/seed.ts';
import { allPending, type Call, client, errorText, tokenFor } from './test/sandbox.ts';
import { bySize } from './soak-size.ts';

const PROCESSES = 3;
const WORK_ITEMS = bySize({ test: 10, ci: 40, full: 100 });
const ITEMS_PER_WORK_ITEM = 100;
/** Races in flight at once (each race is 1 to 3 requests fired together): about 40 requests at a time. */
const CONCURRENT_RACES = 20;

type Decision = 'approve' | 'reject';
type Kind = 'single' | 'bulk';
interface Racer {
  kind: Kind;
  workItemId: string;
  approvalItemId?: string;
  decision: Decision;
  caller: 'alice' | 'ada';
  /** Index of the server process it is sent to. */
  server: number;
}
interface Answer {
  racer: Racer;
  status: number;
  body: unknown;
}

let dir: string;
const servers: ChildServer[] = [];
const workItems = new Map<string, string[]>(); // work item → its approval items

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-deciders-'));
  const file = path.join(dir, 'sandbox.sqlite');
  const db = openSandboxDb({ sandboxDb: file, seedScale: 0, sandboxBigItemSize: 0 });
  // The token key lives in the database: made here, so the processes do not race to make three different ones.
  signingKey(db);
  for (let i = 0; i < WORK_ITEMS; i++) {
    const id = seedBigItem(db, ITEMS_PER_WORK_ITEM, ALICE, 9000 + i);
    const rows = db.prepare('SELECT id FROM approval_items WHERE work_item_id = ? ORDER BY position').all(id);
    workItems.set(
      id,
      (rows as { id: string }[]).map((r) => r.id),
    );
  }
  db.close();
  // One database file, one data directory each (each its own cookie key; the bearer tokens are shared).
  servers.push(
    ...(await Promise.all(
      Array.from({ length: PROCESSES }, (_, i) =>
        startChildServer({ DATA_DIR: path.join(dir, `process-${i}`), SANDBOX_DB: file }),
      ),
    )),
  );
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

const text = errorText;
const stateOf = (d: Decision) => (d === 'approve' ? 'Finished' : 'Rejected');

/** The races, work item after work item: singles with 1–3 racers each, and three bulk races late in each. */
function planRaces(): { races: Racer[][]; contested: number } {
  const rng = prng(20260509);
  const decision = (): Decision => (rng.next() < 0.5 ? 'approve' : 'reject');
  const caller = () => (rng.next() < 0.8 ? 'alice' : 'ada');
  /** `n` racers on `n` different processes. */
  const spread = (n: number, make: (server: number) => Racer) => {
    const first = rng.int(0, PROCESSES - 1);
    return Array.from({ length: n }, (_, k) => make((first + k) % PROCESSES));
  };
  const races: Racer[][] = [];
  let contested = 0;
  for (const [workItemId, approvalItems] of workItems) {
    const singles = approvalItems.map((approvalItemId) => {
      const n = rng.next() < 0.6 ? 2 : rng.next() < 0.4 ? 3 : 1;
      if (n > 1) contested++;
      return spread(n, (server) => ({
        kind: 'single',
        workItemId,
        approvalItemId,
        decision: decision(),
        caller: caller(),
        server,
      }));
    });
    for (let i = singles.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [singles[i], singles[j]] = [singles[j]!, singles[i]!];
    }
    // Bulk approve against bulk reject on two processes, three times, in the last 40%: they race the singles
    // still in flight on the same work item.
    for (let b = 0; b < 3; b++) {
      const bulk = spread(2, (server) => ({
        kind: 'bulk',
        workItemId,
        decision: server % 2 === 0 ? 'approve' : 'reject',
        caller: caller(),
        server,
      }));
      singles.splice(rng.int(Math.floor(singles.length * 0.6), singles.length), 0, bulk);
    }
    races.push(...singles);
  }
  return { races, contested };
}

describe('concurrent deciders on several processes sharing one database', () => {
  it(`${PROCESSES} processes, ${WORK_ITEMS * ITEMS_PER_WORK_ITEM} approval items, racing clients: each decided exactly once`, async () => {
    const tokens = {
      alice: await tokenFor(servers[0]!.url, 'alice.approver'),
      ada: await tokenFor(servers[0]!.url, 'ada.admin'),
    };
    const calls: Record<'alice' | 'ada', Call>[] = servers.map((s) => ({
      alice: client(s.url, tokens.alice),
      ada: client(s.url, tokens.ada),
    }));
    const { races, contested } = planRaces();
    const answers: Answer[] = [];
    const problems: string[] = [];

    // A reader that polls every process while the deciders work: summary adds up, total never changes, open
    // never grows.
    const q = `?ownerId=${ALICE.id}`;
    type Summary = { open: number; completed: number; total: number };
    const first = await calls[0]!.ada<Summary>('GET', `/v3/work-items/summary${q}`);
    let running = true;
    let readings = 0;
    const readerLoop = (async () => {
      let lastOpen = first.body.open;
      while (running) {
        const s = await calls[readings % PROCESSES]!.ada<Summary>('GET', `/v3/work-items/summary${q}`);
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
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENT_RACES }, async () => {
        while (next < races.length) {
          const race = races[next++]!;
          // The racers of one race leave together, each to its own process.
          await Promise.all(
            race.map(async (racer) => {
              const url =
                racer.kind === 'single'
                  ? `/v3/work-items/${racer.workItemId}/${racer.decision}/${racer.approvalItemId}`
                  : `/v3/work-items/bulk-${racer.decision}/${racer.workItemId}`;
              try {
                const res = await calls[racer.server]![racer.caller]<WorkItem>('POST', url);
                answers.push({ racer, status: res.status, body: res.body });
              } catch (error) {
                problems.push(`${url}: no answer (${String(error)})`);
              }
            }),
          );
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    running = false;
    await readerLoop;

    // What is stored at the end, as the first process serves it.
    const finals = new Map<string, WorkItem>();
    for (const id of workItems.keys())
      finals.set(id, (await calls[0]!.ada<WorkItem>('GET', `/v3/work-items/${id}`)).body);
    const finalApproval = new Map<string, string>();
    for (const w of finals.values()) for (const a of w.approvalItems!) finalApproval.set(a.id!, a.state!);

    // Every answer is a win (200) or a loss (400 naming the state the winner left, and it is the stored one).
    const singleWins = new Map<string, Answer[]>();
    const bulkWins = new Map<string, Answer[]>();
    const winsPerProcess = servers.map(() => 0);
    let losers = 0;
    for (const answer of answers) {
      const { racer, status, body } = answer;
      const what = `${racer.kind} ${racer.decision} ${racer.approvalItemId ?? racer.workItemId} on process ${racer.server}`;
      if (status === 200) {
        const wins = racer.kind === 'single' ? singleWins : bulkWins;
        const key = racer.approvalItemId ?? racer.workItemId;
        wins.set(key, [...(wins.get(key) ?? []), answer]);
        winsPerProcess[racer.server]!++;
        continue;
      }
      const said = text(body);
      const decided = /already decided \(state (Finished|Rejected)\)/.exec(said)?.[1];
      const completed = /already completed \(state (Finished|Rejected)\)/.exec(said)?.[1];
      const trackingId = (body as ErrorResponseDto)?.trackingId ?? '';
      if (status !== 400 || !/^[0-9a-f]{32}$/.test(trackingId) || (!decided && !completed)) {
        problems.push(`${what}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
      } else if (decided && (racer.kind !== 'single' || decided !== finalApproval.get(racer.approvalItemId!))) {
        problems.push(`${what}: told "${said}", but the item is ${finalApproval.get(racer.approvalItemId!)}`);
      } else if (completed && completed !== finals.get(racer.workItemId)!.state) {
        problems.push(`${what}: told "${said}", but the work item is ${finals.get(racer.workItemId)!.state}`);
      } else {
        losers++;
      }
    }
    expect(problems).toEqual([]);
    expect(answers).toHaveLength(races.flat().length);

    // Exactly once: at most one single winner per approval item and one bulk winner per work item, across all
    // processes; an item without a single winner was decided by its work item's bulk winner; the stored state is
    // the winner's; a bulk winner's answer shows the singles decided before it unchanged.
    let decidedBySingle = 0;
    let decidedByBulk = 0;
    for (const [workItemId, approvalItems] of workItems) {
      const bulks = bulkWins.get(workItemId) ?? [];
      expect(bulks.length, `bulk winners of ${workItemId}`).toBeLessThanOrEqual(1);
      const final = finals.get(workItemId)!;
      expect(final.state).toMatch(/^(Finished|Rejected)$/);
      expect(final.completed).toBeTruthy();
      const bulkState = new Map(((bulks[0]?.body as WorkItem)?.approvalItems ?? []).map((a) => [a.id, a.state]));
      for (const approvalItemId of approvalItems) {
        const singles = singleWins.get(approvalItemId) ?? [];
        expect(singles.length, `single winners of ${approvalItemId}`).toBeLessThanOrEqual(1);
        const winners = singles.length > 0 ? singles : bulks;
        expect(winners.length, `winners of ${approvalItemId}`).toBe(1);
        if (singles.length) decidedBySingle++;
        else decidedByBulk++;
        const winner = winners[0]!.racer.decision;
        expect(finalApproval.get(approvalItemId), approvalItemId).toBe(stateOf(winner));
        if (bulks.length) expect(bulkState.get(approvalItemId), approvalItemId).toBe(stateOf(winner));
        if (singles.length) {
          const answered = (singles[0]!.body as WorkItem).approvalItems!.find((a) => a.id === approvalItemId);
          expect(answered?.state).toBe(stateOf(winner));
        }
      }
    }
    // The race really ran on every process.
    for (const [i, wins] of winsPerProcess.entries()) expect(wins, `decisions won on process ${i}`).toBeGreaterThan(0);

    // Counts, completed counts and summary agree with the lists, for the owner and for the admin's view of her,
    // on every process.
    for (const [i, call] of calls.entries()) {
      for (const [who, query] of [
        [call.alice, ''],
        [call.ada, `&ownerId=${ALICE.id}`],
      ] as const) {
        const pending = await allPending(who, query);
        const completed: WorkItem[] = [];
        for (let offset = 0; ; offset += 250) {
          const page = await who<WorkItem[]>('GET', `/v3/work-items/completed?limit=250&offset=${offset}${query}`);
          completed.push(...page.body);
          if (page.body.length < 250) break;
        }
        const count = await who<{ count: number }>('GET', `/v3/work-items/count?${query}`);
        const completedCount = await who<{ count: number }>('GET', `/v3/work-items/completed/count?${query}`);
        const summary = await who('GET', `/v3/work-items/summary?${query}`);
        expect(count.body.count, `process ${i}`).toBe(pending.length);
        expect(completedCount.body.count, `process ${i}`).toBe(completed.length);
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
    }

    const items = WORK_ITEMS * ITEMS_PER_WORK_ITEM;
    console.log(
      `deciders: ${PROCESSES} processes on one WAL database decided ${items} approval items of ${WORK_ITEMS} work ` +
        `items in ${seconds.toFixed(1)} s (${answers.length} requests, ${Math.round(answers.length / seconds)}/s, ` +
        `wins per process ${winsPerProcess.join('/')}): ${decidedBySingle} by single decisions, ${decidedByBulk} by ` +
        `${bulkWins.size} bulk decisions; ${contested} items raced by 2–3 processes at once, ${losers} losers told ` +
        `400 with the stored state; ${readings} summary readings during the run; 0 double decisions, 0 5xx`,
    );
  }, 900_000);
});
