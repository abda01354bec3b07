// The read side of the sandbox's access-request approvals over real HTTP: the seed, spec-valid answers at both
// path families, paging and counts, sorters, filters (and their 400s), the owner-id rules and the summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalSummary, CompletedApproval, PendingApproval } from '../../../contract/access-requests.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ADA, ALICE, BOB, CAROL, IDENTITIES } from '../identities.ts';
import { type Call, client, dumpDb, errorText, tokenFor } from '../../test/sandbox.ts';
import { approvalSummary, errorResponse } from './spec-shapes.ts';
import { V1, V3, conforms, whole } from '../../test/access-requests.ts';

let server: TestServer;
let alice: Call;
let bob: Call;
let ada: Call;
let pending: PendingApproval[];
let completed: CompletedApproval[];

beforeAll(async () => {
  server = await startTestServer();
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
  pending = await whole<PendingApproval>(alice, `${V3}/pending`);
  completed = await whole<CompletedApproval>(alice, `${V3}/completed`);
});
afterAll(async () => {
  await server?.close();
});

const ids = (list: { id: string }[]) => list.map((a) => a.id);
const q = (filters: string) => `&filters=${encodeURIComponent(filters)}`;
const text = errorText;

/** A 400 ErrorResponseDto whose message names `what`, and no stored row changed. */
async function refused(call: Call, path: string, what: string, status = 400) {
  const before = dumpDb(server.config.sandboxDb);
  const res = await call('GET', path);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  conforms(errorResponse, res.body);
  expect(text(res.body)).toContain(what);
  expect(dumpDb(server.config.sandboxDb)).toBe(before);
}

describe('seed', () => {
  it('gives alice a realistic queue: every kind of object, SOD violations, dates, earlier reviewers, forwards', () => {
    expect(pending.length).toBeGreaterThanOrEqual(15);
    expect(pending.length).toBeLessThanOrEqual(25);
    expect(completed.length).toBeGreaterThanOrEqual(8);
    expect(pending.every((a) => a.owner?.id === ALICE.id)).toBe(true);
    const known = new Set(IDENTITIES.map((i) => i.id));
    for (const a of [...pending, ...completed]) {
      expect(known.has(a.requestedFor!.id!), a.requestedFor!.name!).toBe(true);
      expect(known.has(a.requester!.id!)).toBe(true);
    }
    expect(new Set(pending.map((a) => a.requestedObject?.type))).toEqual(
      new Set(['ROLE', 'ACCESS_PROFILE', 'ENTITLEMENT']),
    );
    const violated = pending.filter((a) => a.sodViolationContext?.violationCheckResult?.violatedPolicies?.length);
    expect(violated.length).toBeGreaterThanOrEqual(2);
    const context = violated[0].sodViolationContext!.violationCheckResult!.violationContexts![0];
    expect(context.conflictingAccessCriteria?.leftCriteria?.criteriaList?.length).toBeGreaterThan(0);
    expect(pending.some((a) => a.removeDate)).toBe(true);
    expect(pending.some((a) => a.removeDateUpdateRequested && a.currentRemoveDate)).toBe(true);
    expect(pending.some((a) => a.startDate)).toBe(true);
    expect(pending.some((a) => (a.previousReviewersComments?.length ?? 0) >= 2)).toBe(true);
    expect(pending.some((a) => a.commentRequiredWhenRejected)).toBe(true);
    expect(pending.some((a) => !a.commentRequiredWhenRejected)).toBe(true);
    expect(pending.some((a) => a.requesterComment === undefined)).toBe(true);
    expect(pending.some((a) => a.requestType === 'REVOKE_ACCESS')).toBe(true);
    expect(pending.some((a) => a.requestedAccounts?.length)).toBe(true);
    const kinds = new Set(pending.flatMap((a) => (a.forwardHistory ?? []).map((f) => f.reassignmentType)));
    expect(kinds).toEqual(
      new Set(['MANUAL_REASSIGNMENT', 'AUTOMATIC_REASSIGNMENT', 'AUTO_ESCALATION', 'SELF_REVIEW_DELEGATION']),
    );
    // Two approvals of one request share its id.
    const requests = pending.map((a) => a.accessRequestId);
    expect(new Set(requests).size).toBeLessThan(requests.length);
    // Ages from minutes to about two months.
    const ages = pending.map((a) => (Date.now() - Date.parse(a.created!)) / 86_400_000);
    expect(Math.min(...ages)).toBeLessThan(1);
    expect(Math.max(...ages)).toBeGreaterThan(50);
    expect(Math.max(...ages)).toBeLessThan(61);
    expect(new Set(completed.map((a) => a.state))).toEqual(new Set(['APPROVED', 'REJECTED']));
    expect(completed.some((a) => a.reviewedBy?.id === ADA.id)).toBe(true);
    expect(completed.some((a) => a.reviewerComment === null)).toBe(true);
  });

  it('gives bob, carol and ada a few of their own', async () => {
    for (const [call, who] of [
      [bob, BOB],
      [client(server.url, await tokenFor(server.url, 'carol.approver')), CAROL],
      [ada, ADA],
    ] as const) {
      const mine = await whole<PendingApproval>(call, `${V3}/pending`, '&owner-id=me');
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(mine.length).toBeLessThan(10);
      expect(mine.every((a) => a.owner?.id === who.id)).toBe(true);
    }
  });
});

describe('both path families', () => {
  it('answer the same, spec-valid, from one implementation', async () => {
    for (const queue of ['pending', 'completed']) {
      const v3 = await alice('GET', `${V3}/${queue}?count=true`);
      const v1 = await alice('GET', `${V1}/${queue}?count=true`);
      expect(v1.status).toBe(200);
      expect(v1.body).toEqual(v3.body);
      expect(v1.headers.get('x-total-count')).toBe(v3.headers.get('x-total-count'));
      expect(v1.headers.get('cache-control')).toBe('no-store');
    }
    const summary = await alice('GET', `${V1}/approval-summary`);
    conforms(approvalSummary, summary.body);
    expect(summary.body).toEqual((await alice('GET', `${V3}/approval-summary`)).body);
  });

  it('the admin view of the whole org is spec-valid too', async () => {
    const org = await whole<PendingApproval>(ada, `${V3}/pending`, '', 7);
    expect(new Set(org.map((a) => a.owner?.id))).toEqual(new Set([ALICE.id, BOB.id, CAROL.id, ADA.id]));
    await whole<CompletedApproval>(ada, `${V1}/completed`, '', 9);
  });
});

describe('paging and counts', () => {
  it('pages without gaps or repeats; X-Total-Count only when asked, counting what the filter keeps', async () => {
    const paged = await whole<PendingApproval>(alice, `${V3}/pending`, '', 4);
    expect(ids(paged)).toEqual(ids(pending));
    const first = await alice<PendingApproval[]>('GET', `${V3}/pending?limit=3&offset=2&count=true`);
    expect(ids(first.body)).toEqual(ids(pending.slice(2, 5)));
    expect(first.headers.get('x-total-count')).toBe(String(pending.length));
    expect((await alice('GET', `${V3}/pending?limit=3`)).headers.get('x-total-count')).toBeNull();
    expect((await alice('GET', `${V3}/pending?limit=0`)).body).toEqual([]);
    expect((await alice('GET', `${V3}/pending?offset=1000`)).body).toEqual([]);
    const some = pending.slice(0, 3).map((a) => `"${a.id}"`);
    const filtered = await alice('GET', `${V3}/pending?count=true&limit=1${q(`id in (${some.join(',')})`)}`);
    expect(filtered.headers.get('x-total-count')).toBe('3');
  });

  it.each([
    ['limit=251', 'querystring.limit'],
    ['limit=-1', 'querystring.limit'],
    ['limit=ten', 'querystring.limit'],
    ['offset=-1', 'querystring.offset'],
    ['count=maybe', 'querystring.count'],
    [`owner-id=${'x'.repeat(129)}`, 'querystring.owner-id'],
  ])('%s → 400 naming the parameter', async (query, name) => {
    await refused(alice, `${V3}/pending?${query}`, name);
  });
});

describe('sorters', () => {
  const by = (list: PendingApproval[], key: 'created' | 'modified', desc: boolean) =>
    [...list].sort((a, b) => (desc ? -1 : 1) * (a[key]! < b[key]! ? -1 : a[key]! > b[key]! ? 1 : a.id < b.id ? -1 : 1));

  it('default newest first (pending by created, completed by modified); created, -created, modified, -modified', async () => {
    expect(ids(pending)).toEqual(ids(by(pending, 'created', true)));
    expect(ids(completed)).toEqual(ids(by(completed as PendingApproval[], 'modified', true)));
    for (const [sorter, key, desc] of [
      ['created', 'created', false],
      ['-created', 'created', true],
      ['modified', 'modified', false],
      [' -modified ', 'modified', true],
    ] as const) {
      const res = await alice<PendingApproval[]>('GET', `${V3}/pending?sorters=${encodeURIComponent(sorter)}`);
      expect(ids(res.body), sorter).toEqual(ids(by(pending, key, desc)));
    }
    const two = await alice<PendingApproval[]>('GET', `${V3}/completed?sorters=created,-modified`);
    expect(ids(two.body)).toEqual(ids(by(completed as PendingApproval[], 'created', false)));
  });

  it.each([
    ['name', 'sorting on "name" is not supported'],
    ['-id', 'sorting on "id" is not supported'],
    ['created,-created', '"created" is sorted on twice'],
  ])('sorters=%s → 400 naming it', async (sorters, message) => {
    await refused(alice, `${V3}/pending?sorters=${encodeURIComponent(sorters)}`, message);
  });
});

describe('filters', () => {
  const pendingWhere = async (filters: string) =>
    ids((await alice<PendingApproval[]>('GET', `${V3}/pending?limit=250${q(filters)}`)).body);

  it('id, requestedFor.id and accessRequestId: eq and in', async () => {
    const [a, b] = pending;
    expect(await pendingWhere(`id eq "${a.id}"`)).toEqual([a.id]);
    expect(await pendingWhere(`id in ("${b.id}", "${a.id}", "nope")`)).toEqual([a.id, b.id]);
    const target = pending[5].requestedFor!.id!;
    expect(await pendingWhere(`requestedFor.id eq "${target}"`)).toEqual(
      ids(pending.filter((x) => x.requestedFor?.id === target)),
    );
    const shared = pending.find((x) => pending.filter((y) => y.accessRequestId === x.accessRequestId).length > 1)!;
    const both = await pendingWhere(`accessRequestId eq "${shared.accessRequestId}"`);
    expect(both.length).toBe(2);
    expect(await pendingWhere(`accessRequestId in ("${shared.accessRequestId}") and id eq "${both[1]}"`)).toEqual([
      both[1],
    ]);
  });

  it('created and modified: gt, lt, ge, le, eq, in, quoted or not, with and/or/parentheses', async () => {
    const sorted = [...pending].sort((a, b) => (a.created! < b.created! ? -1 : 1));
    const mid = sorted[Math.floor(sorted.length / 2)].created!;
    const after = ids(pending.filter((a) => a.created! > mid));
    expect(await pendingWhere(`created gt "${mid}"`)).toEqual(after);
    expect(await pendingWhere(`created gt ${mid}`)).toEqual(after);
    expect(await pendingWhere(`created ge "${mid}"`)).toEqual(ids(pending.filter((a) => a.created! >= mid)));
    expect(await pendingWhere(`created lt "${mid}"`)).toEqual(ids(pending.filter((a) => a.created! < mid)));
    expect(await pendingWhere(`created le "${mid}"`)).toEqual(ids(pending.filter((a) => a.created! <= mid)));
    expect(await pendingWhere(`created eq "${mid}"`)).toEqual(ids(pending.filter((a) => a.created === mid)));
    // An instant written another way (an offset instead of Z) is the same instant.
    const shifted = new Date(Date.parse(mid) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    expect(await pendingWhere(`created eq "${shifted}"`)).toEqual(ids(pending.filter((a) => a.created === mid)));
    const two = [sorted[0].modified!, sorted[1].modified!];
    expect(await pendingWhere(`modified in ("${two[0]}", "${two[1]}")`)).toEqual(
      ids(pending.filter((a) => two.includes(a.modified!))),
    );
    const day = sorted[0].created!.slice(0, 10);
    expect(await pendingWhere(`(created ge ${day} and created lt "${mid}") or id eq "${sorted.at(-1)!.id}"`)).toEqual(
      ids(pending.filter((a) => (a.created! >= day && a.created! < mid) || a.id === sorted.at(-1)!.id)),
    );
  });

  it("completed takes the spec's completed operators too (ne, sw, isnull, ranges on id)", async () => {
    const where = async (filters: string) =>
      ids((await alice<CompletedApproval[]>('GET', `${V3}/completed?limit=250${q(filters)}`)).body);
    const first = completed[0];
    expect(await where(`id ne "${first.id}"`)).toEqual(ids(completed.slice(1)));
    expect(await where(`id sw "${first.id.slice(0, 6)}"`)).toEqual(
      ids(completed.filter((a) => a.id.startsWith(first.id.slice(0, 6)))),
    );
    expect(await where('requestedFor.id isnull')).toEqual([]);
    expect(await where(`modified sw "${first.modified!.slice(0, 10)}"`)).toEqual(
      ids(completed.filter((a) => a.modified!.startsWith(first.modified!.slice(0, 10)))),
    );
    expect(await where(`id ge "${first.id}"`)).toEqual(ids(completed.filter((a) => a.id >= first.id)));
  });

  it.each([
    ['name eq "x"', 'filtering on field "name" is not supported'],
    ['id sw "ab"', 'operator "sw" is not supported for field "id"'],
    ['created co "2024"', 'operator "co" is not supported for field "created"'],
    ['modified ne "2024-01-01T00:00:00Z"', 'operator "ne" is not supported for field "modified"'],
    ['created gt "yesterday"', 'field "created" takes an ISO-8601 date-time'],
    ['created gt "2024-13-01"', 'field "created" takes an ISO-8601 date-time'],
    ['id eq 5', 'quoted strings'],
    ['not id eq "x"', 'the "not" operator is not supported'],
    ['id eq "x" and', 'expected a field name'],
    ['__proto__ eq "x"', 'filtering on field "__proto__" is not supported'],
    ['constructor eq "x"', 'filtering on field "constructor" is not supported'],
  ])('pending filters=%s → 400 naming it', async (filters, message) => {
    await refused(alice, `${V3}/pending?${q(filters).slice(1)}`, message);
  });

  it('completed refuses what its list does not take either', async () => {
    await refused(alice, `${V1}/completed?${q('requester.id eq "x"').slice(1)}`, 'field "requester.id"');
    await refused(alice, `${V1}/completed?${q('created sw "2024"').slice(1)}`, 'operator "sw"');
  });
});

describe('owner-id', () => {
  it('a non-admin sees their own queue: owner-id omitted, "me" or their id', async () => {
    const mine = ids(pending);
    expect(ids(await whole(alice, `${V3}/pending`, '&owner-id=me'))).toEqual(mine);
    expect(ids(await whole(alice, `${V3}/pending`, `&owner-id=${ALICE.id}`))).toEqual(mine);
    expect(ids(await whole(alice, `${V1}/pending`, '&owner-id='))).toEqual(mine);
  });

  it("a non-admin asking for anyone else's (even an unknown id) → 403, on every read", async () => {
    for (const path of ['pending', 'completed', 'approval-summary']) {
      for (const other of [BOB.id, ADA.id, '0'.repeat(32), 'ME', 'alice.approver']) {
        await refused(alice, `${V3}/${path}?owner-id=${other}`, 'only an admin (ORG_ADMIN)', 403);
      }
    }
  });

  it("an admin sees anyone's queue, the whole org without owner-id, and their own with me", async () => {
    expect(ids(await whole(ada, `${V3}/pending`, `&owner-id=${ALICE.id}`))).toEqual(ids(pending));
    expect(ids(await whole(ada, `${V1}/completed`, `&owner-id=${ALICE.id}`))).toEqual(ids(completed));
    const org = await whole<PendingApproval>(ada, `${V3}/pending`);
    let sum = 0;
    for (const who of [ALICE, BOB, CAROL, ADA]) {
      const theirs = await whole<PendingApproval>(ada, `${V3}/pending`, `&owner-id=${who.id}`);
      expect(theirs.every((a) => a.owner?.id === who.id)).toBe(true);
      sum += theirs.length;
    }
    expect(org.length).toBe(sum);
    const own = await whole<PendingApproval>(ada, `${V3}/pending`, '&owner-id=me');
    expect(own.every((a) => a.owner?.id === ADA.id)).toBe(true);
    await refused(ada, `${V3}/pending?owner-id=${'0'.repeat(32)}`, 'was not found', 404);
  });
});

describe('approval-summary', () => {
  const summary = async (call: Call, query = '') => {
    const res = await call<ApprovalSummary>('GET', `${V3}/approval-summary${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    conforms(approvalSummary, res.body);
    return res.body;
  };

  it('counts what the lists hold, per owner and for the org', async () => {
    expect(await summary(alice)).toEqual({
      pending: pending.length,
      approved: completed.filter((a) => a.state === 'APPROVED').length,
      rejected: completed.filter((a) => a.state === 'REJECTED').length,
    });
    expect(await summary(ada, `?owner-id=${ALICE.id}`)).toEqual(await summary(alice, '?owner-id=me'));
    const org = await summary(ada);
    const everyone = await Promise.all([ALICE, BOB, CAROL, ADA].map((w) => summary(ada, `?owner-id=${w.id}`)));
    expect(org.pending).toBe(everyone.reduce((n, s) => n + s.pending!, 0));
    expect(org.approved! + org.rejected!).toBe(everyone.reduce((n, s) => n + s.approved! + s.rejected!, 0));
  });

  it('from-date counts pending approvals created, and decisions taken, since then', async () => {
    const from = [...pending].sort((a, b) => (a.created! < b.created! ? -1 : 1))[5].created!;
    const since = await summary(alice, `?from-date=${encodeURIComponent(from)}`);
    expect(since.pending).toBe(pending.filter((a) => a.created! >= from).length);
    const decidedFrom = [...completed].sort((a, b) => (a.modified! < b.modified! ? -1 : 1))[3].modified!;
    const later = await summary(alice, `?from-date=${encodeURIComponent(decidedFrom)}`);
    expect(later.approved! + later.rejected!).toBe(completed.filter((a) => a.modified! >= decidedFrom).length);
    expect(await summary(alice, '?from-date=2999-01-01T00:00:00Z')).toEqual({ pending: 0, approved: 0, rejected: 0 });
  });

  it('an unreadable from-date → 400 naming it', async () => {
    await refused(alice, `${V3}/approval-summary?from-date=last-week`, 'from-date');
    await refused(alice, `${V3}/approval-summary?from-date=${'9'.repeat(65)}`, 'querystring.from-date');
  });
});
