// The kept pending/completed counts (counts.ts) against a recount of the rows: after every kind of write over HTTP,
// after refused writes, for a database made before the counts existed, and after kill -9 in the middle of writes.
// Also the pages that rely on them: a page in the older half is read from the oldest end, and must be the page a
// plain OFFSET walk from the newest end gives.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldDetails, WorkItem } from '../../../contract/work-items.ts';
import { formFields } from '../../../contract/account-selection.ts';
import { startChildServer } from '../../test/child-server.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { openDb } from '../db.ts';
import { ADA, ALICE, BOB, CAROL } from '../identities.ts';
import { openSandboxDb } from '../index.ts';
import { seed } from '../seed.ts';
import { seedBigItem } from './seed.ts';
import { allPending, client, tokenFor, type Call } from '../../test/sandbox.ts';
import { COUNTS_META_KEY, RECOUNT_SQL } from './counts.ts';

interface Counts {
  [ownerId: string]: { pending: number; completed: number };
}

/** The kept counts and a recount of the rows, read in one snapshot. */
function keptAndRecounted(file: string): { kept: Counts; recounted: Counts } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const byOwner = (rows: unknown[]) =>
      Object.fromEntries(
        (rows as { owner_id: string; pending: number; completed: number }[])
          // An owner whose items all went elsewhere keeps a row of zeros; a recount has no row for them.
          .filter((r) => r.pending > 0 || r.completed > 0)
          .map((r) => [r.owner_id, { pending: r.pending, completed: r.completed }]),
      );
    return db.transaction(() => ({
      kept: byOwner(db.prepare('SELECT owner_id, pending, completed FROM work_item_counts').all()),
      recounted: byOwner(db.prepare(RECOUNT_SQL).all()),
    }))();
  } finally {
    db.close();
  }
}

/** The kept counts, after checking that they equal a recount. */
function expectKeptEqualsRecount(file: string): Counts {
  const { kept, recounted } = keptAndRecounted(file);
  expect(kept).toEqual(recounted);
  return kept;
}

describe('kept work-item counts', () => {
  let server: TestServer;
  let alice: Call;
  let bob: Call;
  let ada: Call;
  let file: string;
  const api = '/v3/work-items';

  beforeAll(async () => {
    server = await startTestServer();
    file = server.config.sandboxDb;
    alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
    bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
    ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
  });
  afterAll(async () => {
    await server?.close();
  });

  const pendingOf = async (call: Call, pred: (w: WorkItem) => boolean) => {
    const item = (await allPending(call)).find(pred);
    if (!item) throw new Error('no seeded item matches');
    return item;
  };
  const pendingApprovals = (w: WorkItem) => (w.approvalItems ?? []).filter((a) => a.state === 'Pending');

  /** Runs a write, checks the kept counts equal a recount before and after, and returns how each owner's moved. */
  async function moves(write: () => Promise<{ status: number }>, status = 200) {
    const before = expectKeptEqualsRecount(file);
    expect((await write()).status).toBe(status);
    const after = expectKeptEqualsRecount(file);
    const delta = (id: string) => ({
      pending: (after[id]?.pending ?? 0) - (before[id]?.pending ?? 0),
      completed: (after[id]?.completed ?? 0) - (before[id]?.completed ?? 0),
    });
    return { alice: delta(ALICE.id), bob: delta(BOB.id), carol: delta(CAROL.id), ada: delta(ADA.id) };
  }
  const none = { pending: 0, completed: 0 };
  const completes = { pending: -1, completed: 1 };

  it('equal a recount of the seeded rows, and the API answers them', async () => {
    const kept = expectKeptEqualsRecount(file);
    const pending = await allPending(alice);
    const completed = await alice<WorkItem[]>('GET', `${api}/completed?limit=250&count=true`);
    expect(kept[ALICE.id]).toEqual({ pending: pending.length, completed: completed.body.length });
    expect((await alice<{ count: number }>('GET', `${api}/count`)).body.count).toBe(pending.length);
    expect((await alice('GET', `${api}/summary`)).body).toEqual({
      open: pending.length,
      completed: completed.body.length,
      total: pending.length + completed.body.length,
    });
    const page = await alice('GET', `${api}?limit=1&count=true`);
    expect(page.headers.get('x-total-count')).toBe(String(pending.length));
    expect(completed.headers.get('x-total-count')).toBe(String(completed.body.length));
  });

  it('move with decisions: one that leaves items pending, then the one that completes the work item', async () => {
    const item = await pendingOf(alice, (w) => pendingApprovals(w).length >= 2 && pendingApprovals(w).length < 20);
    const [first, ...rest] = pendingApprovals(item);
    expect((await moves(() => alice('POST', `${api}/${item.id}/approve/${first.id}`))).alice).toEqual(none);
    for (const [i, a] of rest.entries()) {
      const verb = i % 2 ? 'approve' : 'reject';
      const moved = await moves(() => alice('POST', `${api}/${item.id}/${verb}/${a.id}`));
      expect(moved.alice).toEqual(i === rest.length - 1 ? completes : none);
    }
    // A refused decision (already decided) rolls back: nothing moves.
    expect((await moves(() => alice('POST', `${api}/${item.id}/approve/${first.id}`), 400)).alice).toEqual(none);
  });

  it('move with bulk approvals and bulk rejections', async () => {
    const approving = await pendingOf(alice, (w) => pendingApprovals(w).length > 1 && pendingApprovals(w).length < 20);
    expect((await moves(() => alice('POST', `${api}/bulk-approve/${approving.id}`))).alice).toEqual(completes);
    const rejecting = await pendingOf(alice, (w) => pendingApprovals(w).length > 0 && pendingApprovals(w).length < 20);
    expect((await moves(() => alice('POST', `${api}/bulk-reject/${rejecting.id}`))).alice).toEqual(completes);
    expect((await moves(() => alice('POST', `${api}/bulk-reject/${rejecting.id}`), 400)).alice).toEqual(none);
  });

  it('move with a completed task and a submitted form', async () => {
    const task = await pendingOf(alice, (w) => !w.form && (w.approvalItems ?? []).length === 0);
    expect((await moves(() => alice('POST', `${api}/${task.id}`))).alice).toEqual(completes);
    const fieldsOf = (w: WorkItem): FieldDetails[] => formFields(w.form!);
    const form = await pendingOf(alice, (w) => w.type === 'Form' && fieldsOf(w).some((f) => f.name === 'startDate'));
    const account = fieldsOf(form).find((f) => f.name === 'adAccount')!.allowedValuesList![2].value;
    const path = `${api}/${form.id}/submit-account-selection`;
    // Invalid first (a 400 that changes nothing), then valid.
    expect((await moves(() => alice('POST', path, { adAccount: account }), 400)).alice).toEqual(none);
    const submitted = await moves(() => alice('POST', path, { adAccount: account, startDate: '2026-12-01' }));
    expect(submitted.alice).toEqual(completes);
  });

  it("move both owners' counts with a forward, by the owner and by an admin", async () => {
    const item = await pendingOf(alice, (w) => w.type === 'Approval');
    const forward = (call: Call, target: string) => () =>
      call('POST', `${api}/${item.id}/forward`, { targetOwnerId: target, comment: 'Please take this one.' });
    const toBob = await moves(forward(alice, BOB.id));
    expect(toBob.alice).toEqual({ pending: -1, completed: 0 });
    expect(toBob.bob).toEqual({ pending: 1, completed: 0 });
    // Alice no longer owns it: refused, nothing moves.
    const refused = await moves(forward(alice, CAROL.id), 403);
    expect([refused.alice, refused.bob, refused.carol]).toEqual([none, none, none]);
    const toCarol = await moves(forward(ada, CAROL.id));
    expect([toCarol.bob, toCarol.carol]).toEqual([
      { pending: -1, completed: 0 },
      { pending: 1, completed: 0 },
    ]);
    const bobs = (await bob<WorkItem[]>('GET', `${api}?limit=250`)).body;
    expect((await bob<{ count: number }>('GET', `${api}/count`)).body.count).toBe(bobs.length);
  });
});

describe('kept counts in a database made before they existed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-counts-old-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are set from the rows when it is opened, once, and kept from then on', () => {
    const file = path.join(dir, 'old.sqlite');
    const made = openDb(file);
    seed(made, { now: Date.UTC(2026, 0, 15) });
    // What a sandbox from before the counts looks like: no table, no triggers, no marker, the older index.
    made.exec(`
      DROP TRIGGER work_item_counts_insert; DROP TRIGGER work_item_counts_update; DROP TRIGGER work_item_counts_delete;
      DROP TABLE work_item_counts; DELETE FROM meta WHERE key = '${COUNTS_META_KEY}';
      DROP INDEX work_items_owner_pending;
      CREATE INDEX work_items_owner_state_created ON work_items (owner_id, state, created DESC, id DESC);`);
    made.close();

    const db = openDb(file);
    const kept = expectKeptEqualsRecount(file);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'work_items'`);
    expect((indexes.all() as { name: string }[]).map((i) => i.name)).toContain('work_items_owner_pending');
    expect((indexes.all() as { name: string }[]).map((i) => i.name)).not.toContain('work_items_owner_state_created');
    expect(kept[ALICE.id].pending).toBeGreaterThan(40);
    // The triggers are back too: a completion moves the counts.
    db.prepare(
      `UPDATE work_items SET state = 'Finished', completed = ?, modified = ?
       WHERE id = (SELECT id FROM work_items WHERE owner_id = ? AND state = 'Pending' LIMIT 1)`,
    ).run(new Date().toISOString(), new Date().toISOString(), ALICE.id);
    expect(expectKeptEqualsRecount(file)[ALICE.id].pending).toBe(kept[ALICE.id].pending - 1);
    db.close();
  });
});

describe('kept counts after kill -9 in the middle of writes', () => {
  /** When to kill: once the write-ahead log grows (a commit being written), or once that many writes were answered. */
  const MOMENTS: ('wal' | number)[] = ['wal', 1, 10, 30];
  let dir: string;
  let file: string;
  const bigItems: string[] = [];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-counts-crash-'));
    file = path.join(dir, 'sandbox.sqlite');
    const db = openSandboxDb({ sandboxDb: file, seedScale: 400, sandboxBigItemSize: 0 });
    for (let i = 0; i < MOMENTS.length; i++) bigItems.push(seedBigItem(db, 3_000, ALICE, 7100 + i));
    db.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const walSize = () => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  const until = async (done: () => boolean) => {
    for (const deadline = Date.now() + 30_000; !done() && Date.now() < deadline;) await new Promise(setImmediate);
  };

  it(`equal a recount after every restart (${MOMENTS.length} kills at different moments)`, async () => {
    const before = expectKeptEqualsRecount(file)[ALICE.id];
    const childEnv = { DATA_DIR: dir, SANDBOX_DB: file };
    let cutShort = 0;
    for (const [attempt, moment] of MOMENTS.entries()) {
      const server = await startChildServer(childEnv);
      const alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
      const items = (await alice<WorkItem[]>('GET', '/v3/work-items?limit=250&offset=50')).body;
      const wal = walSize();
      let answered = 0;
      // Single-item bulk decisions and forwards, with a long write (a 3,000-item bulk approval) among them.
      const writes = items
        .slice(0, 60)
        .map((w, i) =>
          i === 20
            ? alice('POST', `/v3/work-items/bulk-approve/${bigItems[attempt]}`)
            : i % 3 === 0
              ? alice('POST', `/v3/work-items/${w.id}/forward`, { targetOwnerId: BOB.id, comment: 'crash test' })
              : alice('POST', `/v3/work-items/bulk-${i % 2 ? 'approve' : 'reject'}/${w.id}`),
        );
      const settled = Promise.all(
        writes.map((p) =>
          p.then(
            (r) => (r.status === 200 ? answered++ : undefined),
            () => undefined, // the connection died with the server
          ),
        ),
      );
      await until(() => (moment === 'wal' ? walSize() !== wal : answered >= moment));
      await server.stop('SIGKILL');
      await settled;
      if (answered < writes.length) cutShort++;

      // Restarted on the same file: the counts equal the rows, and the API's counts equal its lists.
      const restarted = await startChildServer(childEnv);
      const kept = expectKeptEqualsRecount(file);
      const again = client(restarted.url, await tokenFor(restarted.url, 'alice.approver'));
      const pending = await allPending(again);
      expect((await again<{ count: number }>('GET', '/v3/work-items/count')).body.count).toBe(pending.length);
      expect(kept[ALICE.id].pending).toBe(pending.length);
      await restarted.stop();
      const when = moment === 'wal' ? 'at WAL growth' : `after ${moment} answer(s)`;
      console.log(`counts crash ${attempt} (${when}): ${answered} of ${writes.length} writes answered`);
    }
    // The kills did cut writes short, and writes did land between them.
    expect(cutShort).toBeGreaterThan(0);
    expect(expectKeptEqualsRecount(file)[ALICE.id].pending).toBeLessThan(before.pending);
  }, 300_000);
});
