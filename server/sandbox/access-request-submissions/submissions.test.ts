// POST /v3/access-requests and GET /v3/access-request-status over real HTTP: a request answers 202 as ISC does and
// starts its approval in the Approvals service, on the approver's desk (as Bob for Carol: on Alice's, who owns the
// role), never among the legacy access-request approvals; its status follows the approval; an item already
// waiting is reported, not started twice; every rule of the spec is a clear 400 (or 403) that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRequestResponse, RequestedItemStatus } from '../../../contract/access-request-submissions.ts';
import type { PendingApproval } from '../../../contract/access-requests.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ALICE, BOB, CAROL, identity } from '../identities.ts';
import { client, dumpDb, errorText, tokenFor, type Call } from '../../test/sandbox.ts';
import { approval as approvalShape, errorResponse } from '../generic-approvals/spec-shapes.ts';
import { V2025, conforms, filters, pendingOf, whole } from '../../test/generic-approvals.ts';
import { catalogueItemNamed } from './catalogue.ts';
import { accessRequestResponse, requestedItemStatus } from './spec-shapes.ts';

let server: TestServer;
let alice: Call;
let bob: Call;
let carol: Call;
let ada: Call;

beforeAll(async () => {
  server = await startTestServer();
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
  carol = client(server.url, await tokenFor(server.url, 'carol.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
});
afterAll(async () => {
  await server?.close();
});

const financeAnalyst = catalogueItemNamed('Finance Analyst');
const vendorMaster = catalogueItemNamed('SAP - Vendor Master Maintenance');
const item = (i: typeof financeAnalyst, extra: Record<string, unknown> = {}) => ({ type: i.type, id: i.id, ...extra });

async function refused(call: Call, body: unknown, status: number, what: string) {
  const before = dumpDb(server.config.sandboxDb);
  const res = await call('POST', '/v3/access-requests', body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  conforms(errorResponse, res.body);
  expect(errorText(res.body)).toContain(what);
  expect(dumpDb(server.config.sandboxDb)).toBe(before);
}

describe('POST /v3/access-requests', () => {
  it('as Bob for Carol: 202, and the approval is on Alice’s desk (she owns the role), not a legacy approval', async () => {
    const legacyBefore = await alice<PendingApproval[]>('GET', '/v3/access-request-approvals/pending');
    const res = await bob<AccessRequestResponse>('POST', '/v3/access-requests', {
      requestedFor: [CAROL.id],
      requestType: 'GRANT_ACCESS',
      requestedItems: [
        item(financeAnalyst, { comment: 'Carol helps with the close.', clientMetadata: { ticket: 'T-1' } }),
      ],
    });
    expect(res.status).toBe(202);
    conforms(accessRequestResponse, res.body);
    expect(res.body.existingRequests).toEqual([]);
    const [tracking] = res.body.newRequests!;
    expect(tracking).toMatchObject({
      requestedFor: CAROL.id,
      requestedItemsDetails: [{ type: 'ROLE', id: financeAnalyst.id }],
      accessRequestIds: [expect.stringMatching(/^[0-9a-f]{32}$/)],
    });
    const requestId = tracking!.accessRequestIds![0]!;
    const [started] = await whole(alice, `mine=true&${filters(`referenceId eq "${requestId}"`)}&include-comments=true`);
    conforms(approvalShape, started);
    expect(started).toMatchObject({
      type: 'ACCESS_REQUEST_APPROVAL',
      status: 'PENDING',
      requester: { identityID: BOB.id },
      requestee: { identityID: CAROL.id },
      referenceData: [{ type: 'accessRequestId', id: requestId }],
      requestedTarget: [
        { id: financeAnalyst.id, name: 'Finance Analyst', targetType: 'ROLE', requestType: 'GRANT_ACCESS' },
      ],
      assignedTo: [{ identityID: ALICE.id }],
    });
    expect(started!.comments!.map((c) => c.comment)).toEqual(['Carol helps with the close.']);
    expect((await pendingOf(alice)).map((a) => a.id)).toContain(started!.id);
    // never also a legacy access-request approval
    const legacyAfter = await alice<PendingApproval[]>('GET', '/v3/access-request-approvals/pending');
    expect(legacyAfter.body.length).toBe(legacyBefore.body.length);

    // its status follows the approval
    const status = async (call: Call) =>
      (
        await call<RequestedItemStatus[]>(
          'GET',
          `/v3/access-request-status?${filters(`accessRequestId eq "${requestId}"`)}`,
        )
      ).body;
    const [executing] = await status(bob);
    conforms(requestedItemStatus, executing);
    expect(executing).toMatchObject({
      id: requestId,
      accessRequestId: requestId,
      state: 'EXECUTING',
      approvalIds: [started!.id],
      requester: { id: BOB.id },
      requestedFor: { id: CAROL.id },
      requesterComment: { comment: 'Carol helps with the close.' },
      clientMetadata: { ticket: 'T-1' },
      approvalDetails: [
        { approvalId: started!.id, currentOwner: { id: ALICE.id }, status: 'PENDING', scheme: 'ROLE_OWNER' },
      ],
      cancelable: true,
    });
    expect(await status(carol)).toHaveLength(1);
    expect((await alice('POST', `${V2025}/${started!.id}/approve`)).status).toBe(200);
    const [done] = await status(bob);
    expect(done).toMatchObject({
      state: 'REQUEST_COMPLETED',
      cancelable: false,
      approvalDetails: [{ status: 'APPROVED' }],
    });
  });

  it('an item already waiting for someone is reported among the existing requests, not started again', async () => {
    const body = { requestedFor: [identity('grace.kim').id], requestedItems: [item(vendorMaster)] };
    const first = await carol<AccessRequestResponse>('POST', '/v3/access-requests', body);
    const again = await carol<AccessRequestResponse>('POST', '/v3/access-requests', body);
    expect(again.status).toBe(202);
    expect(again.body.newRequests).toEqual([]);
    expect(again.body.existingRequests![0]!.accessRequestIds).toEqual(first.body.newRequests![0]!.accessRequestIds);
    const waiting = await whole(
      ada,
      filters(
        `requesteeId eq "${identity('grace.kim').id}" and requestedTargetId eq "${vendorMaster.id}" and status eq "PENDING"`,
      ),
    );
    expect(waiting).toHaveLength(1);
  });

  it('several identities and items: one access request per identity, one approval per item', async () => {
    const [noah, amara] = [identity('noah.williams'), identity('amara.okafor')];
    const res = await ada<AccessRequestResponse>('POST', '/v3/access-requests', {
      requestedFor: [noah.id, amara.id],
      requestedItems: [item(catalogueItemNamed('Okta - Tableau Users')), item(catalogueItemNamed('Platform Engineer'))],
    });
    expect(res.status).toBe(202);
    expect(res.body.newRequests!.map((t) => [t.requestedFor, t.requestedItemsDetails!.length])).toEqual([
      [noah.id, 2],
      [amara.id, 2],
    ]);
    const started = await whole(
      ada,
      filters(
        `requesteeId in ("${noah.id}", "${amara.id}") and status eq "PENDING" and requesterId eq "${identity('ada.admin').id}"`,
      ),
    );
    expect(started.length).toBe(4);
  });

  it.each([
    [{ requestedFor: [], requestedItems: [{ type: 'ROLE', id: 'x' }] }, 400, 'requestedFor'],
    [{ requestedFor: [CAROL.id], requestedItems: [] }, 400, 'requestedItems'],
    [{ requestedFor: [CAROL.id] }, 400, 'requestedItems'],
    [{ requestedFor: [CAROL.id], requestedItems: [{ type: 'ROLE', id: 'f'.repeat(32) }] }, 400, 'no requestable ROLE'],
    [{ requestedFor: [CAROL.id], requestedItems: [{ type: 'ENTITLEMENT', id: 'ROLE_ID' }] }, 400, 'no requestable'],
    [{ requestedFor: [CAROL.id], requestedItems: [{ type: 'GROUP', id: 'x' }] }, 400, 'type'],
    [{ requestedFor: ['f'.repeat(32)], requestedItems: [{ type: 'ROLE', id: 'x' }] }, 400, 'no identity'],
    [{ requestedFor: [CAROL.id, CAROL.id], requestedItems: [{ type: 'ROLE', id: 'x' }] }, 400, 'listed twice'],
    [{ requestedFor: Array(11).fill(CAROL.id), requestedItems: [{ type: 'ROLE', id: 'x' }] }, 400, 'more than 10'],
    [{ requestedFor: [CAROL.id], requestedItems: Array(26).fill({ type: 'ROLE', id: 'x' }) }, 400, 'more than 25'],
    [{ requestedFor: [CAROL.id], requestedItems: [{ type: 'ROLE', id: 'x'.repeat(129) }] }, 400, 'id'],
    [
      { requestedFor: [CAROL.id], requestType: 'STEAL_ACCESS', requestedItems: [{ type: 'ROLE', id: 'x' }] },
      400,
      'requestType',
    ],
    [
      { requestedFor: [CAROL.id], requestedForWithRequestedItems: [{}], requestedItems: [{ type: 'ROLE', id: 'x' }] },
      400,
      'not supported',
    ],
  ])('malformed body %# → refused, naming what is wrong; nothing written', async (body, status, what) => {
    await refused(bob, body, status, what);
  });

  it('the spec’s rules: inactive identities, dates in the past, revocation by manager or admin with a comment', async () => {
    const elena = identity('elena.petrova');
    await refused(bob, { requestedFor: [elena.id], requestedItems: [item(financeAnalyst)] }, 400, 'inactive');
    const past = new Date(Date.now() - 86_400_000).toISOString();
    await refused(
      bob,
      { requestedFor: [CAROL.id], requestedItems: [item(financeAnalyst, { removeDate: past })] },
      400,
      'in the future',
    );
    await refused(
      bob,
      { requestedFor: [CAROL.id], requestedItems: [item(financeAnalyst, { startDate: 'soon' })] },
      400,
      'startDate',
    );
    const revoke = (who: string, extra = {}) => ({
      requestType: 'REVOKE_ACCESS',
      requestedFor: [who],
      requestedItems: [item(financeAnalyst, { comment: 'Moved teams.', ...extra })],
    });
    const marcus = identity('marcus.chen'); // bob manages him
    await refused(carol, revoke(marcus.id), 403, 'manager or an admin');
    await refused(bob, revoke(BOB.id), 400, 'oneself');
    await refused(bob, { ...revoke(marcus.id), requestedFor: [marcus.id, CAROL.id] }, 400, 'exactly one identity');
    await refused(bob, revoke(marcus.id, { comment: '  ' }), 400, 'needs a comment');
    const ok = await bob<AccessRequestResponse>('POST', '/v3/access-requests', revoke(marcus.id));
    expect(ok.status).toBe(202);
    const [started] = await whole(ada, filters(`referenceId eq "${ok.body.newRequests![0]!.accessRequestIds![0]}"`));
    expect(started!.requestedTarget![0]!.requestType).toBe('REVOKE_ACCESS');
    expect(started!.name![0]!.value).toBe(`Remove Finance Analyst from ${marcus.name}`);
  });
});

describe('GET /v3/access-request-status', () => {
  it('one’s own requests by default; naming others is for admins; the spec’s parameters', async () => {
    const mine = await bob<RequestedItemStatus[]>('GET', '/v3/access-request-status?count=true');
    expect(mine.status).toBe(200);
    conforms(requestedItemStatus, mine.body);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(Number(mine.headers.get('x-total-count'))).toBe(mine.body.length);
    const waitsOn = (s: RequestedItemStatus, id: string) =>
      s.state === 'EXECUTING' && s.approvalDetails!.some((d) => d.currentOwner?.id === id && d.status === 'PENDING');
    const bobs = (s: RequestedItemStatus) =>
      s.requester?.id === BOB.id || s.requestedFor?.id === BOB.id || waitsOn(s, BOB.id);
    expect(mine.body.every(bobs)).toBe(true);
    expect((await bob('GET', `/v3/access-request-status?requested-for=${CAROL.id}`)).status).toBe(403);
    expect((await bob('GET', '/v3/access-request-status?requested-by=me')).status).toBe(200);
    const carols = await ada<RequestedItemStatus[]>('GET', `/v3/access-request-status?requested-for=${CAROL.id}`);
    expect(carols.body.every((s) => s.requestedFor?.id === CAROL.id)).toBe(true);
    const executing = await ada<RequestedItemStatus[]>('GET', '/v3/access-request-status?request-state=EXECUTING');
    expect(executing.body.every((s) => s.state === 'EXECUTING')).toBe(true);
    const assigned = await alice<RequestedItemStatus[]>('GET', '/v3/access-request-status?assigned-to=me');
    expect(assigned.body.length).toBeGreaterThan(0);
    const waitsOnAlice = (s: RequestedItemStatus) =>
      s.state === 'EXECUTING' &&
      s.approvalDetails!.some((d) => d.currentOwner?.id === ALICE.id && d.status === 'PENDING');
    expect(assigned.body.every(waitsOnAlice)).toBe(true);
    const onAlice = await ada<RequestedItemStatus[]>('GET', `/v3/access-request-status?assigned-to=${ALICE.id}`);
    expect(onAlice.body.map((s) => s.accountActivityItemId)).toEqual(assigned.body.map((s) => s.accountActivityItemId));
    expect((await carol('GET', `/v3/access-request-status?assigned-to=${ALICE.id}`)).status).toBe(403);
    const sorted = await ada<RequestedItemStatus[]>('GET', '/v3/access-request-status?sorters=name');
    const names = sorted.body.map((s) => s.name!);
    expect(names).toEqual([...names].sort());
    for (const query of [
      'request-state=DONE',
      'regarding-identity=me&requested-by=me',
      `filters=${encodeURIComponent('name eq "x"')}`,
      'sorters=owner',
      'limit=251',
      'offset=1e400',
    ]) {
      const res = await ada('GET', `/v3/access-request-status?${query}`);
      expect(res.status, query).toBe(400);
      conforms(errorResponse, res.body);
    }
  });
});
