// Work reassignment where ISC applies it, over real HTTP: new work created while a delegation is active goes to the
// evaluated delegate, with a record of from whom and why in each kind's own history — an access request submitted
// with POST /v3/access-requests (its approval in the Approvals service: reassignmentHistory and a comment), and a
// manual task made with POST /sandbox/manual-tasks (a work item: its forwardHistory). What already waits is not
// moved; after the end date (the sandbox clock moved) new work goes to the absent person again; a chain lands at
// its end, never with the request's own requester or requestee; the tenant switch turns it all off.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../../contract/generic-approvals.ts';
import type { WorkItem } from '../../../contract/work-items.ts';
import { client, dumpDb, errorText, tokenFor, type Call } from '../../test/sandbox.ts';
import { conforms, filters, pendingOf } from '../../test/generic-approvals.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { V2025, daysFrom, delegation, experimental, requestAccess } from '../../test/work-reassignment.ts';
import { catalogueItemNamed } from '../access-request-submissions/catalogue.ts';
import { approval as approvalShape } from '../generic-approvals/spec-shapes.ts';
import { ADA, ALICE, BOB, CAROL, identity } from '../identities.ts';

/** Owned by alice alone: each request for it waits on her. */
const FINANCE_ANALYST = catalogueItemNamed('Finance Analyst');
const VENDOR_MASTER = catalogueItemNamed('SAP - Vendor Master Maintenance');
/** Whom the requests are for: none of them approves anything, each may already wait for an item (then the next). */
const REQUESTEES = [
  'marcus.chen',
  'priya.raman',
  'diego.alvarez',
  'sofia.rossi',
  'liam.oconnor',
  'hannah.muller',
  'kenji.tanaka',
  'amara.okafor',
  'noah.williams',
  'omar.haddad',
  'grace.kim',
  'lucas.dubois',
].map((alias) => identity(alias).id);

let server: TestServer;
let alice: Call;
let bob: Call;
let carol: Call;
let ada: Call;
let now: number;

beforeAll(async () => {
  server = await startTestServer();
  const as = async (alias: string) => experimental(client(server.url, await tokenFor(server.url, alias)));
  [alice, bob, carol, ada] = await Promise.all(
    ['alice.approver', 'bob.approver', 'carol.approver', 'ada.admin'].map(as),
  );
  now = Date.parse((await ada<{ now: string }>('GET', '/sandbox/clock')).body.now);
});
afterAll(async () => {
  await server?.close();
});

/** The one approval an access request started, as the admin reads it (everything included, spec-checked). */
async function approvalFor(accessRequestId: string): Promise<Approval> {
  const res = await ada<Approval[]>(
    'GET',
    `/v2025/generic-approvals?include-comments=true&include-reassignment-history=true&${filters(`referenceId eq "${accessRequestId}"`)}`,
  );
  expect(res.status).toBe(200);
  conforms(approvalShape, res.body);
  expect(res.body).toHaveLength(1);
  return res.body[0]!;
}

const assignees = (a: Approval) => a.assignedTo!.map((p) => p.identityID);
const who = (id: string) => ({ type: 'IDENTITY', identityID: id, name: expect.any(String), email: expect.any(String) });

describe('access requests (ACCESS_REQUESTS)', () => {
  const reason = (from: string, until: string) =>
    `Delegated by ${from}, away until ${until.slice(0, 10)} (work reassignment: access requests).`;
  const end = () => daysFrom(now, 7);

  it("while Alice delegates to Bob, a new request lands on Bob's desk with the reason; what waited stays with Alice", async () => {
    const waiting = (await pendingOf(alice)).map((a) => a.id);
    expect(waiting.length).toBeGreaterThan(5);
    expect((await alice('POST', V2025, delegation(ALICE.id, BOB.id, 'ACCESS_REQUESTS', now, end()))).status).toBe(201);
    // ISC applies a delegation to work assigned after it starts: nothing already waiting moves
    expect((await pendingOf(alice)).map((a) => a.id)).toEqual(waiting);

    const requestId = await requestAccess(ada, REQUESTEES, FINANCE_ANALYST, 'helps with the close');
    const made = await approvalFor(requestId);
    expect(assignees(made)).toEqual([BOB.id]);
    const [record] = made.reassignmentHistory!;
    expect(made.reassignmentHistory).toEqual([
      {
        commentID: expect.any(String),
        reassignedFrom: who(ALICE.id),
        reassignedTo: who(BOB.id),
        reassignmentDate: made.createdDate,
        reassignmentType: 'AUTO_REASSIGNMENT',
      },
    ]);
    expect(made.comments!.find((c) => c.commentId === record!.commentID)).toEqual({
      commentId: record!.commentID,
      author: who(ALICE.id),
      comment: reason(ALICE.name, end()),
      createdDate: made.createdDate,
    });
    expect((await pendingOf(bob)).map((a) => a.id)).toContain(made.id);
    expect((await pendingOf(alice)).map((a) => a.id)).toEqual(waiting);
  });

  it('after the end date (the sandbox clock moved past it), new requests go to Alice again', async () => {
    await ada('PUT', '/sandbox/clock', { offsetMs: 8 * 86_400_000 });
    try {
      const requestId = await requestAccess(ada, REQUESTEES, FINANCE_ANALYST);
      const made = await approvalFor(requestId);
      expect(assignees(made)).toEqual([ALICE.id]);
      expect(made.reassignmentHistory).toEqual([]);
    } finally {
      await ada('PUT', '/sandbox/clock', { offsetMs: 0 });
    }
  });

  it('a chain Alice → Bob → Carol lands with Carol, each hand-over recorded with its reason', async () => {
    expect((await bob('POST', V2025, delegation(BOB.id, CAROL.id, 'ACCESS_REQUESTS', now, null))).status).toBe(201);
    const requestId = await requestAccess(ada, REQUESTEES, VENDOR_MASTER);
    const made = await approvalFor(requestId);
    expect(assignees(made)).toEqual([CAROL.id]);
    expect(made.reassignmentHistory!.map((r) => [r.reassignedFrom!.identityID, r.reassignedTo!.identityID])).toEqual([
      [ALICE.id, BOB.id],
      [BOB.id, CAROL.id],
    ]);
    const because = made.reassignmentHistory!.map(
      (r) => made.comments!.find((c) => c.commentId === r.commentID)!.comment,
    );
    expect(because).toEqual([
      reason(ALICE.name, end()),
      'Delegated by Bob Approver, until further notice (work reassignment: access requests).',
    ]);
  });

  it("never to the request's own requester: with Carol asking, the chain stops with Bob", async () => {
    const requestId = await requestAccess(carol, REQUESTEES, FINANCE_ANALYST);
    expect(assignees(await approvalFor(requestId))).toEqual([BOB.id]);
  });

  it('another kind of work does not move access requests; the tenant switch turns every delegation off', async () => {
    expect((await alice('DELETE', `${V2025}/${ALICE.id}/ACCESS_REQUESTS`)).status).toBe(204);
    expect((await alice('POST', V2025, delegation(ALICE.id, CAROL.id, 'GENERIC_APPROVALS', now))).status).toBe(201);
    expect(assignees(await approvalFor(await requestAccess(ada, REQUESTEES, FINANCE_ANALYST)))).toEqual([ALICE.id]);
    expect((await alice('POST', V2025, delegation(ALICE.id, BOB.id, 'ACCESS_REQUESTS', now))).status).toBe(201);
    expect((await ada('PUT', `${V2025}/tenant-config`, { configDetails: { disabled: true } })).status).toBe(200);
    try {
      const made = await approvalFor(await requestAccess(ada, REQUESTEES, FINANCE_ANALYST));
      expect(assignees(made)).toEqual([ALICE.id]);
      expect(made.reassignmentHistory).toEqual([]);
    } finally {
      await ada('PUT', `${V2025}/tenant-config`, { configDetails: { disabled: false } });
    }
  });
});

describe('manual tasks (MANUAL_TASKS)', () => {
  const task = (ownerId: string, name: string) => ({ ownerId, name, description: 'Disable the account in Legacy HR.' });
  const make = async (ownerId: string, name: string) => {
    const res = await ada<WorkItem>('POST', '/sandbox/manual-tasks', task(ownerId, name));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const idsOf = async (call: Call) => (await call<WorkItem[]>('GET', '/v3/work-items?limit=250')).body.map((w) => w.id);

  afterEach(async () => {
    await carol('DELETE', `${V2025}/${CAROL.id}/MANUAL_TASKS`);
  });

  it('a task made for Carol is hers, as GET answers it', async () => {
    const made = await make(CAROL.id, 'Remove Diego from Legacy HR');
    expect(made).toMatchObject({
      ownerId: CAROL.id,
      type: 'Generic',
      state: 'Pending',
      requesterId: ADA.id,
      forwardHistory: [],
    });
    expect((await carol<WorkItem>('GET', `/v3/work-items/${made.id}`)).body).toEqual(made);
  });

  it("while Carol delegates manual tasks to Bob, a new task moves to Bob with the reason; Carol's waiting one stays", async () => {
    const waiting = await make(CAROL.id, 'Provision Noah on the badge system');
    const bobsCount = (await bob<{ count: number }>('GET', '/v3/work-items/count')).body.count;
    const body = { ...delegation(CAROL.id, BOB.id, 'MANUAL_TASKS', now), endDate: null };
    expect((await carol('POST', V2025, body)).status).toBe(201);
    const moved = await make(CAROL.id, 'Remove Liam from the payroll share');
    expect(moved.ownerId).toBe(BOB.id);
    expect(moved.forwardHistory).toEqual([
      {
        fromId: CAROL.id,
        fromName: CAROL.name,
        toId: BOB.id,
        toName: BOB.name,
        byId: CAROL.id,
        byName: CAROL.name,
        comment: 'Delegated by Carol Approver, until further notice (work reassignment: manual tasks).',
        forwarded: moved.created,
        reassignmentType: 'AUTOMATIC_REASSIGNMENT',
      },
    ]);
    expect(await idsOf(bob)).toContain(moved.id);
    expect(await idsOf(carol)).toContain(waiting.id);
    expect(await idsOf(carol)).not.toContain(moved.id);
    expect((await bob<{ count: number }>('GET', '/v3/work-items/count')).body.count).toBe(bobsCount + 1);
  });

  it('is refused with a 400 or 403 that says why, nothing changed, for anyone but an admin or a bad body', async () => {
    const before = dumpDb(server.config.sandboxDb);
    const bobs = await bob('POST', '/sandbox/manual-tasks', task(BOB.id, 'Mine'));
    expect(bobs.status).toBe(403);
    expect(errorText(bobs.body)).toMatch(/Only an admin/);
    for (const [body, text] of [
      [task('f'.repeat(32), 'Nobody'), /ownerId: no identity f{32} exists/],
      [{ ownerId: CAROL.id }, /must have required property 'name'/],
      [{ ...task(CAROL.id, 'x'), name: '' }, /name/],
      [{ ...task(CAROL.id, 'x'), name: 'x'.repeat(201) }, /name must NOT have more than 200 characters/],
    ] as const) {
      const res = await ada('POST', '/sandbox/manual-tasks', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(errorText(res.body)).toMatch(text);
    }
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
  });
});
