// The approval rules over real HTTP, on approvals started the way ISC starts them (POST /v3/access-requests):
// serial steps appear in turn (the next approver sees nothing until the step before is approved, and nothing at
// all after a rejection); a parallel "1 of 3" approval leaves every other approver's desk once one approves; a
// "2 of 3" one waits for the second approval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../../contract/generic-approvals.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { catalogueItemNamed } from '../access-request-submissions/catalogue.ts';
import { ADA, ALICE, BOB, CAROL, identity } from '../identities.ts';
import { client, dumpDb, tokenFor, type Call } from '../../test/sandbox.ts';
import { V2025, approvalOf, filters, pendingOf, whole } from '../../test/generic-approvals.ts';

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

/** Submits a request for one catalogue item as `requester`; answers the approval it started. */
async function request(requester: Call, itemName: string, requestee: string): Promise<Approval> {
  const item = catalogueItemNamed(itemName);
  const res = await requester('POST', '/v3/access-requests', {
    requestedFor: [requestee],
    requestedItems: [{ type: item.type, id: item.id, comment: 'rules test' }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const started = await whole(
    ada,
    filters(`requesteeId eq "${requestee}" and requestedTargetId eq "${item.id}" and status eq "PENDING"`),
  );
  expect(started).toHaveLength(1);
  return started[0]!;
}

const onDesk = async (call: Call, id: string) => (await pendingOf(call)).some((a) => a.id === id);

describe('serial steps appear in turn', () => {
  const liam = identity('liam.oconnor'); // his manager is bob

  it('manager (bob) first, then the owner (alice): each sees it only when it is their turn', async () => {
    const a = await request(carol, 'Workday - Compensation Approver', liam.id);
    expect(a.approvalCriteria?.type).toBe('SERIAL');
    expect(a.serialStep).toBe(1);
    expect(await onDesk(bob, a.id)).toBe(true);
    expect(await onDesk(alice, a.id)).toBe(false);
    expect((await alice('GET', `${V2025}/${a.id}`)).status).toBe(403);
    const before = dumpDb(server.config.sandboxDb);
    expect((await alice('POST', `${V2025}/${a.id}/approve`)).status).toBe(403);
    expect(dumpDb(server.config.sandboxDb)).toBe(before);

    expect((await bob('POST', `${V2025}/${a.id}/approve`, { comment: 'He leads the comp review.' })).status).toBe(200);
    expect(await onDesk(bob, a.id)).toBe(false);
    expect(await onDesk(alice, a.id)).toBe(true);
    const second = await approvalOf(alice, a.id);
    expect(second).toMatchObject({ status: 'PENDING', serialStep: 2, approvedBy: [{ identityID: BOB.id }] });
    expect(second.assignedTo!.map((p) => [p.identityID, p.serialOrder])).toEqual([[ALICE.id, 2]]);

    const done = await alice<Approval>('POST', `${V2025}/${a.id}/approve`);
    expect(done.body).toMatchObject({ status: 'APPROVED', assignedTo: [] });
    expect(done.body.approvedBy!.map((p) => p.identityID)).toEqual([BOB.id, ALICE.id]);
    // both keep it in their history
    for (const call of [alice, bob]) {
      expect((await whole(call, `mine=true&${filters('status eq "APPROVED"')}`)).map((x) => x.id)).toContain(a.id);
    }
  });

  it('a rejection at the first step ends it: the second approver never sees it', async () => {
    const a = await request(carol, 'Payroll Administrator', liam.id);
    expect((await bob('POST', `${V2025}/${a.id}/reject`, { comment: 'Not in his role.' })).status).toBe(204);
    expect((await approvalOf(bob, a.id)).status).toBe('REJECTED');
    expect((await whole(alice, 'mine=true')).map((x) => x.id)).not.toContain(a.id);
    expect((await alice('GET', `${V2025}/${a.id}`)).status).toBe(403);
  });
});

describe('parallel approvals', () => {
  it('"1 of 3": once bob approves it leaves alice’s and carol’s desks, and cannot be decided again', async () => {
    const a = await request(ada, 'AWS - Billing Read-Only', identity('sofia.rossi').id);
    expect(a.approvalCriteria).toMatchObject({ type: 'PARALLEL', approval: { calculationType: 'COUNT', value: 1 } });
    for (const call of [alice, bob, carol]) expect(await onDesk(call, a.id)).toBe(true);
    expect((await bob('POST', `${V2025}/${a.id}/approve`)).status).toBe(200);
    for (const call of [alice, bob, carol]) expect(await onDesk(call, a.id)).toBe(false);
    const before = dumpDb(server.config.sandboxDb);
    expect((await alice('POST', `${V2025}/${a.id}/approve`)).status).toBe(400);
    expect((await carol('POST', `${V2025}/${a.id}/reject`, { comment: 'late' })).status).toBe(400);
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
    // still in their history, approved by bob
    const seen = await approvalOf(carol, a.id);
    expect(seen).toMatchObject({ status: 'APPROVED', approvedBy: [{ identityID: BOB.id }], assignedTo: [] });
  });

  it('"2 of 3" (seeded: bob approved): alice’s approval completes it and it leaves carol’s desk', async () => {
    const [a] = await whole(
      alice,
      `mine=true&${filters('status eq "PENDING" and requestedTargetName eq "AWS - Billing Read-Only"')}&include-approvers=true`,
    ).then((list) => list.filter((x) => x.approvalCriteria?.approval?.value === 2));
    expect(a!.approvedBy!.map((p) => p.identityID)).toEqual([BOB.id]);
    expect(await onDesk(carol, a!.id)).toBe(true);
    // bob has decided: it is off his desk while it waits for the others
    expect(await onDesk(bob, a!.id)).toBe(false);
    expect((await bob('POST', `${V2025}/${a!.id}/approve`)).status).toBe(400);
    const done = await alice<Approval>('POST', `${V2025}/${a!.id}/approve`);
    expect(done.body.status).toBe('APPROVED');
    expect(await onDesk(carol, a!.id)).toBe(false);
  });

  it('requester and requestee never approve their own request: their manager does', async () => {
    // alice asks for Finance Analyst (owned by alice) for herself: it goes to her manager, ada
    const item = catalogueItemNamed('Finance Analyst');
    const res = await alice('POST', '/v3/access-requests', {
      requestedFor: [ALICE.id],
      requestedItems: [{ type: item.type, id: item.id }],
    });
    expect(res.status).toBe(202);
    const [mine] = await whole(ada, filters(`requesteeId eq "${ALICE.id}" and requestedTargetId eq "${item.id}"`));
    expect(mine!.assignedTo!.map((p) => p.identityID)).toEqual([ADA.id]);
    expect(await onDesk(alice, mine!.id)).toBe(false);
    expect(CAROL.id).not.toBe(ADA.id);
  });
});
