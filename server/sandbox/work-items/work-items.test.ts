// The Work Items API over HTTP against the real sandbox, once per path family: /v3/work-items (ISC's own) and
// /work-items/v1 answer the same operations, parameters, bodies and model from one implementation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto, FieldDetails, WorkItem } from '../../../contract/work-items.ts';
import { WORK_ITEMS_PREFIXES } from '../../request-path.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ADA, ALICE, BOB, CAROL } from '../identities.ts';
import { formFields } from '../../../contract/account-selection.ts';
import { allPending, type Call, client, dumpDb, errorText, tokenFor } from '../../test/sandbox.ts';

describe.each(WORK_ITEMS_PREFIXES)('the Work Items API at %s', (api) => {
  let server: TestServer;
  let alice: Call;
  let bob: Call;
  let ada: Call;
  let anonymous: Call;

  beforeAll(async () => {
    server = await startTestServer();
    alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
    bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
    ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
    anonymous = client(server.url);
  });

  afterAll(async () => {
    await server?.close();
  });

  const text = errorText;
  const causes = (body: unknown) => ((body as ErrorResponseDto).causes ?? []).map((m) => m.text);

  function expectDto(answer: { status: number; body: unknown }, status: number, mentions?: string | RegExp) {
    expect(answer.status).toBe(status);
    const body = answer.body as ErrorResponseDto;
    expect(body.detailCode).toBeTruthy();
    expect(body.trackingId).toMatch(/^[0-9a-f]{32}$/);
    if (mentions) expect(text(body)).toMatch(mentions);
  }

  async function find(call: Call, predicate: (w: WorkItem) => boolean): Promise<WorkItem> {
    const item = (await allPending(call, '', api)).find(predicate);
    if (!item) throw new Error('no seeded item matches');
    return item;
  }

  async function consistent(call: Call, query = '') {
    const pending = await allPending(call, query, api);
    const completed = await call<WorkItem[]>('GET', `${api}/completed?limit=250&count=true${query}`);
    const count = await call<{ count: number }>('GET', `${api}/count?${query}`);
    const completedCount = await call<{ count: number }>('GET', `${api}/completed/count?${query}`);
    const summary = await call('GET', `${api}/summary?${query}`);
    expect(count.body.count).toBe(pending.length);
    expect(completedCount.body.count).toBe(completed.body.length);
    expect(Number(completed.headers.get('x-total-count'))).toBe(completed.body.length);
    expect(summary.body).toEqual({
      open: pending.length,
      completed: completed.body.length,
      total: pending.length + completed.body.length,
    });
    return { pending, completed: completed.body };
  }

  describe('seed', () => {
    it('gives alice a full inbox of every kind', async () => {
      const { pending, completed } = await consistent(alice);
      expect(pending.length).toBeGreaterThanOrEqual(40);
      expect(completed.length).toBeGreaterThanOrEqual(25);
      const types = new Set(pending.map((w) => w.type));
      expect(types).toEqual(new Set(['Approval', 'Generic', 'Remediation', 'Form']));
      expect(pending.some((w) => w.approvalItems?.length === 500)).toBe(true);
      expect(new Set(completed.map((w) => w.state))).toEqual(new Set(['Finished', 'Rejected', 'Expired', 'Canceled']));
      expect(pending.some((w) => w.forwardHistory?.some((f) => f.fromId === BOB.id && f.toId === ALICE.id))).toBe(true);
      expect(pending.some((w) => (w.errors ?? []).length > 0)).toBe(true);
      expect(pending.some((w) => w.name?.includes('<script>'))).toBe(true);
      const fields = pending.filter((w) => w.form).flatMap((w) => formFields(w.form!));
      const choiceSizes = fields.map((f) => f.allowedValuesList?.length ?? 0);
      expect(choiceSizes).toContain(2);
      expect(choiceSizes).toContain(40);
      const kinds = new Set(fields.map((f) => f.displayType));
      for (const kind of ['select', 'text', 'textarea', 'checkbox', 'date', 'colorpicker'])
        expect(kinds).toContain(kind);
    });

    it('lists newest first and pages without gaps or repeats', async () => {
      const all = await allPending(alice, '', api);
      const created = all.map((w) => w.created!);
      expect([...created].sort().reverse()).toEqual(created);
      const page1 = await alice<WorkItem[]>('GET', `${api}?limit=10&offset=0&count=true`);
      const page2 = await alice<WorkItem[]>('GET', `${api}?limit=10&offset=10`);
      expect(page1.headers.get('x-total-count')).toBe(String(all.length));
      expect([...page1.body, ...page2.body].map((w) => w.id)).toEqual(all.slice(0, 20).map((w) => w.id));
      const none = await alice<WorkItem[]>('GET', `${api}?limit=0`);
      expect(none.body).toEqual([]);
      const completed = await alice<WorkItem[]>('GET', `${api}/completed?limit=250`);
      const done = completed.body.map((w) => w.completed!);
      expect([...done].sort().reverse()).toEqual(done);
    });
  });

  describe('authentication and authorization', () => {
    it('401 {error} without, with a malformed or with a forged token', async () => {
      for (const call of [anonymous, client(server.url, 'not-a-jwt'), client(server.url, 'a.b.c')]) {
        const res = await call('GET', `${api}`);
        expect(res.status).toBe(401);
        expect(typeof (res.body as { error: string }).error).toBe('string');
      }
      const forged = await fetch(`${server.url}${api}`, { headers: { authorization: 'Basic abc' } });
      expect(forged.status).toBe(401);
    });

    it('ownerId of someone else: 403 for a user, their items for an admin', async () => {
      expectDto(await alice('GET', `${api}?ownerId=${BOB.id}`), 403, /admin/);
      expectDto(await alice('GET', `${api}/count?ownerId=${BOB.id}`), 403);
      expectDto(await alice('GET', `${api}/completed?ownerId=${BOB.id}`), 403);
      expectDto(await alice('GET', `${api}/summary?ownerId=${BOB.id}`), 403);
      const own = await alice<WorkItem[]>('GET', `${api}?ownerId=${ALICE.id}&limit=1`);
      expect(own.status).toBe(200);
      const bobs = await ada<WorkItem[]>('GET', `${api}?ownerId=${BOB.id}`);
      expect(bobs.status).toBe(200);
      expect(bobs.body.length).toBeGreaterThan(0);
      expect(bobs.body.every((w) => w.ownerId === BOB.id)).toBe(true);
      await consistent(ada, `&ownerId=${CAROL.id}`);
      expectDto(await ada('GET', `${api}?ownerId=${'f'.repeat(32)}`), 404);
    });

    it("another owner's item: 403 for a user (documented choice), allowed for an admin", async () => {
      const bobsItem = (await bob<WorkItem[]>('GET', `${api}?limit=1`)).body[0];
      expectDto(await alice('GET', `${api}/${bobsItem.id}`), 403);
      expectDto(await alice('POST', `${api}/bulk-approve/${bobsItem.id}`), 403);
      const asAdmin = await ada<WorkItem>('GET', `${api}/${bobsItem.id}`);
      expect(asAdmin.status).toBe(200);
      expect(asAdmin.body.ownerId).toBe(BOB.id);
    });

    it('unknown and garbage ids: 404 or 400, never 5xx', async () => {
      expectDto(await alice('GET', `${api}/${'0'.repeat(32)}`), 404);
      for (const id of [
        '%00',
        "'; DROP TABLE work_items; --",
        '..%2F..%2Fetc',
        'x'.repeat(300),
        'x'.repeat(2000),
        '🙂',
      ]) {
        const res = await alice('GET', `${api}/${encodeURIComponent(id)}`);
        expect([400, 404]).toContain(res.status);
        expect((res.body as ErrorResponseDto).trackingId).toBeTruthy();
      }
    });
  });

  describe('collection parameters', () => {
    it.each([
      ['limit=251', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=abc', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=1.5', 'offset'],
      ['count=maybe', 'count'],
    ])('%s → 400 naming %s', async (query, name) => {
      for (const path of [`${api}`, `${api}/completed`]) {
        const res = await alice('GET', `${path}?${query}`);
        expectDto(res, 400, new RegExp(name));
        expect(causes(res.body).join(' ')).toContain(name);
      }
    });
  });

  describe('decisions', () => {
    it('approve then reject completes the item; deciding again is refused', async () => {
      const item = await find(alice, (w) => w.type === 'Approval' && w.approvalItems?.length === 2);
      const [a, b] = item.approvalItems!;
      const before = await consistent(alice);
      const first = await alice<WorkItem>('POST', `${api}/${item.id}/approve/${a.id}`);
      expect(first.status).toBe(200);
      expect(first.body.approvalItems!.map((x) => x.state)).toEqual(['Finished', 'Pending']);
      expect(first.body.state).toBe('Pending');
      expect(first.body.modified! > item.modified!).toBe(true);
      expectDto(await alice('POST', `${api}/${item.id}/approve/${a.id}`), 400, /already decided/);
      expectDto(await alice('POST', `${api}/${item.id}/reject/${a.id}`), 400, /already decided/);
      expectDto(await alice('POST', `${api}/${item.id}/approve/${'9'.repeat(32)}`), 404);
      const second = await alice<WorkItem>('POST', `${api}/${item.id}/reject/${b.id}`);
      expect(second.body.state).toBe('Finished');
      expect(second.body.completed).toBeTruthy();
      expectDto(await alice('POST', `${api}/${item.id}/approve/${b.id}`), 400, /already completed/);
      const after = await consistent(alice);
      expect(after.pending.length).toBe(before.pending.length - 1);
      expect(after.completed.length).toBe(before.completed.length + 1);
      expect(after.completed[0].id).toBe(item.id);
    });

    it('all rejected → Rejected; bulk approve and reject decide every pending item at once', async () => {
      const one = await find(alice, (w) => w.type === 'Approval' && (w.approvalItems?.length ?? 0) >= 3);
      const approved = await alice<WorkItem>('POST', `${api}/bulk-approve/${one.id}`);
      expect(approved.body.state).toBe('Finished');
      expect(approved.body.approvalItems!.every((x) => x.state === 'Finished')).toBe(true);
      expectDto(await alice('POST', `${api}/bulk-approve/${one.id}`), 400, /already completed/);

      const big = await find(alice, (w) => w.approvalItems?.length === 500);
      const rejected = await alice<WorkItem>('POST', `${api}/bulk-reject/${big.id}`);
      expect(rejected.body.state).toBe('Rejected');
      expect(rejected.body.approvalItems!.filter((x) => x.state === 'Rejected')).toHaveLength(500);

      const task = await find(alice, (w) => w.type === 'Generic');
      expectDto(await alice('POST', `${api}/bulk-approve/${task.id}`), 400, /no pending approval items/);
      await consistent(alice);
    });

    it('two deciders racing on the same items: each decided exactly once', async () => {
      const item = await find(alice, (w) => w.type === 'Approval' && (w.approvalItems?.length ?? 0) >= 4);
      const approvals = item.approvalItems!;
      const singles = approvals.map((x) =>
        Promise.all([
          alice<WorkItem>('POST', `${api}/${item.id}/approve/${x.id}`),
          ada<WorkItem>('POST', `${api}/${item.id}/reject/${x.id}`),
        ]),
      );
      const bulk = ada<WorkItem>('POST', `${api}/bulk-approve/${item.id}`);
      const [results, bulkResult] = await Promise.all([Promise.all(singles), bulk]);
      const final = (await alice<WorkItem>('GET', `${api}/${item.id}`)).body;
      const finalState = new Map(final.approvalItems!.map((x) => [x.id, x.state]));
      // Per approval item: one winner (the approve, the reject, or — when neither won — the bulk approval), and
      // the stored state is the winner's; every loser is a 400 that says why.
      for (const [i, [approve, reject]] of results.entries()) {
        const id = approvals[i]!.id!;
        const singleWinners = [approve, reject].filter((r) => r.status === 200);
        expect(singleWinners.length, id).toBeLessThanOrEqual(1);
        const expected =
          approve.status === 200
            ? 'Finished'
            : reject.status === 200
              ? 'Rejected'
              : bulkResult.status === 200
                ? 'Finished'
                : undefined;
        expect(expected, `${id} was decided by someone`).toBeDefined();
        expect(finalState.get(id), id).toBe(expected);
        for (const loser of [approve, reject].filter((r) => r.status !== 200)) {
          expectDto(loser, 400, /already (decided|completed) \(state (Finished|Rejected)\)/);
        }
      }
      if (bulkResult.status !== 200) expectDto(bulkResult, 400, /already completed/);
      else
        expect(bulkResult.body.approvalItems!.map((x) => x.state)).toEqual(approvals.map((x) => finalState.get(x.id)));
      expect(final.state).not.toBe('Pending');
    });
  });

  describe('complete', () => {
    it('completes a manual task, refuses pending approvals and unsubmitted forms', async () => {
      const task = await find(alice, (w) => w.type === 'Remediation');
      const done = await alice<WorkItem>('POST', `${api}/${task.id}`);
      expect(done.status).toBe(200);
      expect(done.body.state).toBe('Finished');
      expect(done.body.remediationItems!.length).toBeGreaterThan(0);
      expectDto(await alice('POST', `${api}/${task.id}`), 400, /already completed/);

      const approval = await find(alice, (w) => w.type === 'Approval');
      expectDto(await alice('POST', `${api}/${approval.id}`), 400, /pending approval item/);
      const form = await find(alice, (w) => w.type === 'Form');
      expectDto(await alice('POST', `${api}/${form.id}`), 400, /submit-account-selection/);
      expectDto(await alice('POST', `${api}/${'1'.repeat(32)}`), 404);
    });
  });

  describe('submit account selection', () => {
    const fieldsOf = (w: WorkItem): FieldDetails[] => formFields(w.form!);

    it('validates against the form, naming the field, then stores the selection and completes', async () => {
      const item = await find(alice, (w) => w.type === 'Form' && fieldsOf(w).some((f) => f.name === 'ticketNumber'));
      const path = `${api}/${item.id}/submit-account-selection`;
      const sf = fieldsOf(item).find((f) => f.name === 'salesforceAccount')!;
      const gh = fieldsOf(item).find((f) => f.name === 'githubAccount')!;
      const good = {
        salesforceAccount: sf.allowedValuesList![1].value,
        githubAccount: gh.allowedValuesList![0].value,
        ticketNumber: 'CHG0012345',
        notifyUser: false,
      };
      const refused = async (body: unknown, field: string) => {
        const res = await alice('POST', path, body);
        expectDto(res, 400, new RegExp(field));
        expect(causes(res.body).some((c) => c.startsWith(field))).toBe(true);
      };
      await refused({ ...good, unknownField: 'x' }, 'unknownField');
      await refused({ ...good, ticketNumber: '  ' }, 'ticketNumber');
      await refused({ ...good, salesforceAccount: 'someone-else@evil.example' }, 'salesforceAccount');
      await refused({ ...good, notifyUser: 'perhaps' }, 'notifyUser');
      expectDto(await alice('POST', path, [1, 2]), 400);
      expectDto(await alice('POST', path), 400);

      const ok = await alice<WorkItem>('POST', path, good);
      expect(ok.status).toBe(200);
      expect(ok.body.state).toBe('Finished');
      const stored = Object.fromEntries(fieldsOf(ok.body).map((f) => [f.name, f.value]));
      expect(stored).toEqual(good);
      const again = await alice<WorkItem>('GET', `${api}/${item.id}`);
      expect(fieldsOf(again.body).find((f) => f.name === 'ticketNumber')!.value).toBe('CHG0012345');
      expectDto(await alice('POST', path, good), 400, /already completed/);

      const approval = await find(alice, (w) => w.type === 'Approval');
      expectDto(await alice('POST', `${api}/${approval.id}/submit-account-selection`, {}), 400, /no form/);
    });

    it('checks required fields in nested sections and dates', async () => {
      const item = await find(alice, (w) => w.type === 'Form' && fieldsOf(w).some((f) => f.name === 'startDate'));
      const path = `${api}/${item.id}/submit-account-selection`;
      const account = fieldsOf(item).find((f) => f.name === 'adAccount')!.allowedValuesList![2].value;
      expectDto(await alice('POST', path, { adAccount: account }), 400, /startDate/);
      expectDto(await alice('POST', path, { adAccount: account, startDate: 'next tuesday' }), 400, /startDate/);
      const ok = await alice<WorkItem>('POST', path, {
        adAccount: account,
        startDate: '2026-12-01',
        badgeColor: '#ff0000',
      });
      expect(ok.status).toBe(200);
      expect(fieldsOf(ok.body).find((f) => f.name === 'badgeColor')!.value).toBe('#ff0000');
    });
  });

  describe('forward', () => {
    it('moves ownership and keeps the history', async () => {
      const item = await find(alice, (w) => w.type === 'Approval' && (w.forwardHistory ?? []).length === 0);
      const carol = client(server.url, await tokenFor(server.url, 'carol.approver'));
      const counts = async (call: Call) => {
        const { pending } = await consistent(call); // lists, counts and summary agree (and add up)
        return {
          pending: pending.length,
          summary: (await call<Record<string, number>>('GET', `${api}/summary`)).body,
        };
      };
      const [aliceBefore, carolBefore] = [await counts(alice), await counts(carol)];
      const res = await alice('POST', `${api}/${item.id}/forward`, {
        targetOwnerId: CAROL.id,
        comment: 'Carol covers Sales apps',
        sendNotifications: true,
      });
      expect(res.status).toBe(200);
      expectDto(await alice('GET', `${api}/${item.id}`), 403);
      // The forwarder's pending count drops by one, the target's rises by one; completed counts do not move.
      const [aliceAfter, carolAfter] = [await counts(alice), await counts(carol)];
      expect(aliceAfter.pending).toBe(aliceBefore.pending - 1);
      expect(carolAfter.pending).toBe(carolBefore.pending + 1);
      expect(aliceAfter.summary).toEqual({
        ...aliceBefore.summary,
        open: aliceBefore.summary.open! - 1,
        total: aliceBefore.summary.total! - 1,
      });
      expect(carolAfter.summary).toEqual({
        ...carolBefore.summary,
        open: carolBefore.summary.open! + 1,
        total: carolBefore.summary.total! + 1,
      });
      expect((await carol<WorkItem[]>('GET', `${api}?limit=250`)).body.map((w) => w.id)).toContain(item.id);
      const moved = await carol<WorkItem>('GET', `${api}/${item.id}`);
      expect(moved.body.ownerId).toBe(CAROL.id);
      expect(moved.body.ownerName).toBe('Carol Approver');
      expect(moved.body.forwardHistory).toEqual([
        expect.objectContaining({
          fromId: ALICE.id,
          fromName: 'Alice Approver',
          toId: CAROL.id,
          toName: 'Carol Approver',
          byId: ALICE.id,
          comment: 'Carol covers Sales apps',
        }),
      ]);
      // An admin forwards someone else's item: the history records who did it.
      const back = await ada('POST', `${api}/${item.id}/forward`, {
        targetOwnerId: ALICE.id,
        comment: 'Back to Alice',
      });
      expect(back.status).toBe(200);
      const history = (await alice<WorkItem>('GET', `${api}/${item.id}`)).body.forwardHistory!;
      expect(history[1]).toMatchObject({ fromId: CAROL.id, toId: ALICE.id, byId: ADA.id, byName: 'Ada Admin' });
    });

    it('refuses unknown target, same owner, missing comment; 403 for another owner', async () => {
      const item = await find(alice, (w) => w.type === 'Approval');
      const path = `${api}/${item.id}/forward`;
      const refused = async (body: unknown, mention: RegExp) =>
        expectDto(await alice('POST', path, body), 400, mention);
      await refused({ targetOwnerId: 'f'.repeat(32), comment: 'x' }, /targetOwnerId/);
      await refused({ targetOwnerId: ALICE.id, comment: 'x' }, /already owns/);
      await refused({ targetOwnerId: BOB.id }, /comment/);
      await refused({ targetOwnerId: BOB.id, comment: '   ' }, /comment/);
      await refused({ comment: 'x' }, /targetOwnerId/);
      const bobsItem = (await bob<WorkItem[]>('GET', `${api}?limit=1`)).body[0];
      expectDto(
        await alice('POST', `${api}/${bobsItem.id}/forward`, { targetOwnerId: CAROL.id, comment: 'mine now' }),
        403,
      );
    });
  });

  describe('bad input never changes stored data', () => {
    it('refused requests of every kind leave every row as it was', async () => {
      const before = dumpDb(server.config.sandboxDb);
      const item = await find(alice, (w) => w.type === 'Form');
      const approval = await find(alice, (w) => w.type === 'Approval');
      const bobsItem = (await bob<WorkItem[]>('GET', `${api}?limit=1`)).body[0];
      const attempts = [
        await alice('POST', `${api}/${item.id}/submit-account-selection`, '{"broken', {
          'content-type': 'application/json',
        }),
        await alice('POST', `${api}/${item.id}/submit-account-selection`, 'a=b', {
          'content-type': 'text/plain',
        }),
        await alice('POST', `${api}/${item.id}/submit-account-selection`, { nope: 1 }),
        await alice('POST', `${api}/${approval.id}/forward`, 'x'.repeat(1_100_000), {
          'content-type': 'application/json',
        }),
        await alice('POST', `${api}/${approval.id}/forward`, { targetOwnerId: BOB.id, comment: '' }),
        await alice('POST', `${api}/${approval.id}`),
        await alice('POST', `${api}/bulk-approve/${bobsItem.id}`),
        await anonymous('POST', `${api}/bulk-approve/${approval.id}`),
        await alice('POST', `${api}/${approval.id}/approve/not-an-item`),
        await alice(
          'POST',
          `${api}/${approval.id}/forward`,
          '{"__proto__":{"x":1},"targetOwnerId":"a","comment":"b"}',
          {
            'content-type': 'application/json',
          },
        ),
      ];
      expect(attempts.map((a) => a.status)).toEqual([400, 400, 400, 413, 400, 400, 403, 401, 404, 400]);
      for (const a of attempts.filter((x) => x.status !== 401)) {
        expect((a.body as ErrorResponseDto).messages?.[0]?.text).toBeTruthy();
      }
      expect(dumpDb(server.config.sandboxDb)).toBe(before);
    });
  });

  describe('persistence', () => {
    it('decisions survive a restart on the same database', async () => {
      const first = await startTestServer();
      const db = first.config.sandboxDb;
      const call = client(first.url, await tokenFor(first.url, 'alice.approver'));
      const item = await find(call, (w) => w.type === 'Approval');
      expect((await call<WorkItem>('POST', `${api}/bulk-approve/${item.id}`)).status).toBe(200);
      const summary = (await call('GET', `${api}/summary`)).body;
      await first.app.close();

      const second = await startTestServer({ SANDBOX_DB: db });
      try {
        const again = client(second.url, await tokenFor(second.url, 'alice.approver'));
        const read = await again<WorkItem>('GET', `${api}/${item.id}`);
        expect(read.body.state).toBe('Finished');
        expect((await again('GET', `${api}/summary`)).body).toEqual(summary);
      } finally {
        await second.app.close();
        await first.close();
      }
    });
  });
});
