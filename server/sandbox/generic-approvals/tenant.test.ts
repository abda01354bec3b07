// The Approvals service's rules through a tenant-mode copy of this server in front of a second sandbox (the
// stand-in tenant), as the page meets them against a real tenant: every caller rides on the cookie session, every
// answer is spec-valid after the hop, and the rules hold — a non-approver is refused and nothing changes, a
// decision is final, a parallel approval leaves the others' desks, serial steps appear in turn, and an approval
// expires when the tenant's clock has passed its deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../../contract/generic-approvals.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { sessionCookieOf, signInRequest, XHR } from '../../test/http.ts';
import { catalogueItemNamed } from '../access-request-submissions/catalogue.ts';
import { BOB, identity } from '../identities.ts';
import { client, dumpDb, tokenFor, type Call } from '../../test/sandbox.ts';
import { approval } from './spec-shapes.ts';
import { DAY, PENDING, V1, V2025, conforms, filters, moveClock, whole } from '../../test/generic-approvals.ts';

let tenant: TestServer;
let front: TestServer;
const calls = {} as Record<'alice' | 'bob' | 'carol' | 'ada', Call>;

/** A Call that rides on a session cookie of the tenant-mode server, with the CSRF header as the page sends it. */
async function sessionCall(alias: string): Promise<Call> {
  const cookie = sessionCookieOf(await signInRequest(front.url, { clientId: alias, clientSecret: 'sandbox-secret' }));
  const call = client(front.url);
  return (method, path, body, headers = {}) => call(method, path, body, { cookie, ...XHR, ...headers });
}

beforeAll(async () => {
  tenant = await startTestServer();
  front = await startTestServer({ SAIL_BASE_URL: tenant.url, SESSION_SECRET: 'p'.repeat(40) });
  calls.alice = await sessionCall('alice.approver');
  calls.bob = await sessionCall('bob.approver');
  calls.carol = await sessionCall('carol.approver');
  calls.ada = await sessionCall('ada.admin');
});
afterAll(async () => {
  await front?.close();
  await tenant?.close();
});

const desk = async (call: Call) => (await whole(call, `mine=true&${PENDING}`)).map((a) => a.id);

async function requested(requester: Call, itemName: string, requestee: string): Promise<Approval> {
  const item = catalogueItemNamed(itemName);
  const res = await requester('POST', '/v3/access-requests', {
    requestedFor: [requestee],
    requestedItems: [{ type: item.type, id: item.id }],
  });
  expect(res.status).toBe(202);
  const [a] = await whole(
    calls.ada,
    filters(`requesteeId eq "${requestee}" and requestedTargetId eq "${item.id}" and status eq "PENDING"`),
  );
  return a!;
}

describe('the Approvals service through the tenant proxy', () => {
  it('answers are spec-valid after the hop, and /generic-approvals/v1 answers as /v2025 does', async () => {
    const list = await whole(calls.alice, 'mine=true&include-comments=true&include-approvers=true');
    expect(list.length).toBeGreaterThan(20);
    expect(await whole(calls.alice, 'mine=true&include-comments=true&include-approvers=true', 250, V1)).toEqual(list);
    const one = await calls.alice<Approval>('GET', `${V2025}/${list[0]!.id}`);
    conforms(approval, one.body);
  });

  it('a non-approver is refused and nothing changes; a decision is final', async () => {
    const [first] = await whole(
      calls.alice,
      `mine=true&${filters('status eq "PENDING" and type eq "ACCESS_REQUEST_APPROVAL"')}`,
    );
    const before = dumpDb(tenant.config.sandboxDb);
    expect((await calls.bob('POST', `${V2025}/${first!.id}/approve`, {})).status).toBe(403);
    expect((await calls.bob('POST', `${V2025}/${first!.id}/reassign`, { reassignTo: BOB.id })).status).toBe(403);
    expect(dumpDb(tenant.config.sandboxDb)).toBe(before);
    expect((await calls.alice('POST', `${V2025}/${first!.id}/approve`, {})).status).toBe(200);
    const after = dumpDb(tenant.config.sandboxDb);
    expect((await calls.alice('POST', `${V2025}/${first!.id}/reject`, { comment: 'again' })).status).toBe(400);
    expect(dumpDb(tenant.config.sandboxDb)).toBe(after);
  });

  it('parallel: once carol approves it leaves alice’s and bob’s desks', async () => {
    const a = await requested(calls.ada, 'AWS - Billing Read-Only', identity('hannah.muller').id);
    for (const who of ['alice', 'bob', 'carol'] as const) expect(await desk(calls[who])).toContain(a.id);
    expect((await calls.carol('POST', `${V2025}/${a.id}/approve`, {})).status).toBe(200);
    for (const who of ['alice', 'bob', 'carol'] as const) expect(await desk(calls[who])).not.toContain(a.id);
  });

  it('serial: alice sees it only after bob (the manager) approves', async () => {
    const a = await requested(calls.carol, 'Workday - Compensation Approver', identity('grace.kim').id);
    expect(await desk(calls.bob)).toContain(a.id);
    expect(await desk(calls.alice)).not.toContain(a.id);
    expect((await calls.bob('POST', `${V2025}/${a.id}/approve`, {})).status).toBe(200);
    expect(await desk(calls.alice)).toContain(a.id);
    expect(await desk(calls.bob)).not.toContain(a.id);
  });

  it('expiry: with the tenant’s clock past its deadline it is EXPIRED and off the desk', async () => {
    const a = await requested(calls.bob, 'Finance Analyst', identity('omar.haddad').id);
    expect(await desk(calls.alice)).toContain(a.id);
    // the clock is the tenant's: moved at the stand-in itself (the proxy forwards no /sandbox path)
    await moveClock(client(tenant.url, await tokenFor(tenant.url, 'ada.admin')), { advanceMs: 91 * DAY });
    expect(await desk(calls.alice)).not.toContain(a.id);
    const ended = await calls.alice<Approval>('GET', `${V2025}/${a.id}`);
    expect(ended.body).toMatchObject({ status: 'EXPIRED', completedDate: a.dueDate, assignedTo: [] });
  });
});
