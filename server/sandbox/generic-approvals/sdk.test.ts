// The official SailPoint TypeScript SDK (sailpoint-api-client 1.4.15, its ApprovalsV2024Api), which nobody here
// wrote, drives the Approvals service's list and get against the sandbox: the path it builds (/v2024/...), the
// parameters it sends (mine, requesterId, filters) and the X-SailPoint-Experimental header it adds. Every answer
// is checked against the spec subset, and the same questions asked raw of /v2025 get the same approvals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalsV2024Api, Configuration } from 'sailpoint-api-client';
import type { Approval } from '../../../contract/generic-approvals.ts';
import { startTestServer, type RecordedRequest, type TestServer } from '../../test/server.ts';
import { ALICE, BOB } from '../identities.ts';
import { client, tokenFor, type Call } from '../../test/sandbox.ts';
import { approval } from './spec-shapes.ts';
import { PENDING, V2025, conforms, filters, whole } from '../../test/generic-approvals.ts';

let server: TestServer;
let alice: ApprovalsV2024Api;
let bob: ApprovalsV2024Api;
let ada: ApprovalsV2024Api;
let raw: Call;
const seen: RecordedRequest[] = [];

function sdk(url: string, clientId: string) {
  const configuration = new Configuration({
    baseurl: url,
    tokenUrl: `${url}/oauth/token`,
    clientId,
    clientSecret: 'sandbox-secret',
  });
  // v2024's Approvals API is experimental: the SDK refuses to call it otherwise (and then sends the header).
  configuration.experimental = true;
  return new ApprovalsV2024Api(configuration);
}

beforeAll(async () => {
  server = await startTestServer({}, { onResponse: (r) => seen.push(r) });
  // The SDK asks for its token inside the constructor: build it only once the server listens.
  alice = sdk(server.url, 'alice.approver');
  bob = sdk(server.url, 'bob.approver');
  ada = sdk(server.url, 'ada.admin');
  raw = client(server.url, await tokenFor(server.url, 'alice.approver'));
});
afterAll(async () => {
  await server?.close();
});

const ids = (list: { id?: string }[]) => list.map((a) => a.id);

describe('official SDK: ApprovalsV2024Api against the sandbox', () => {
  it("getApprovals(mine) is alice's desk at /v2024, spec-valid, the same as /v2025 answers", async () => {
    const mark = seen.length;
    const res = await alice.getApprovals({ mine: true });
    expect(res.status).toBe(200);
    const calls = seen.slice(mark).filter((r) => r.url.includes('generic-approvals'));
    expect(calls.map((r) => r.url)).toEqual(['/v2024/generic-approvals?mine=true']);
    const list = res.data as unknown as Approval[];
    conforms(approval, list);
    expect(list.length).toBeGreaterThanOrEqual(20);
    expect(ids(list)).toEqual(ids(await whole(raw, 'mine=true')));
    // everything on her desk either waits on her now or once did
    for (const a of list) {
      const hers = [...(a.assignedTo ?? []), ...(a.approvedBy ?? []), ...(a.rejectedBy ?? [])].some(
        (i) => i.identityID === ALICE.id,
      );
      expect(hers || a.status !== 'PENDING', a.id).toBe(true);
    }
  });

  it('getApprovals with filters as the SDK passes them: status and referenceType', async () => {
    const pending = (await alice.getApprovals({ mine: true, filters: 'status eq "PENDING"' })).data as Approval[];
    expect(pending.length).toBeGreaterThanOrEqual(20);
    expect(pending.length).toBeLessThanOrEqual(40);
    expect(pending.every((a) => a.status === 'PENDING')).toBe(true);
    expect(ids(pending)).toEqual(ids(await whole(raw, `mine=true&${PENDING}`)));
    const accessRequests = (
      await alice.getApprovals({ filters: 'referenceType eq "accessRequestId" and status eq "PENDING"' })
    ).data as Approval[];
    expect(accessRequests.length).toBeGreaterThan(5);
    expect(accessRequests.every((a) => a.referenceData?.[0]?.type === 'accessRequestId')).toBe(true);
    expect(accessRequests.every((a) => a.type === 'ACCESS_REQUEST_APPROVAL')).toBe(true);
  });

  it('getApprovals(requesterId): own for anyone, others only for an admin (403 as the SDK surfaces it)', async () => {
    const mine = (await bob.getApprovals({ requesterId: BOB.id })).data as Approval[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.requester?.identityID === BOB.id)).toBe(true);
    await expect(bob.getApprovals({ requesterId: ALICE.id })).rejects.toMatchObject({
      response: { status: 403, data: { detailCode: '403 Forbidden' } },
    });
    const org = (await ada.getApprovals({})).data as Approval[];
    expect(org.length).toBeGreaterThan(mine.length);
    const raws = await whole(client(server.url, await tokenFor(server.url, 'ada.admin')));
    expect(ids(org)).toEqual(ids(raws));
  });

  it('getApproval(id) answers the approval as /v2025 does; an unknown id is 404, another desk 403', async () => {
    const [first] = await whole(raw, `mine=true&${PENDING}`);
    const res = await alice.getApproval({ id: first!.id });
    expect(res.status).toBe(200);
    conforms(approval, res.data);
    const direct = await raw<Approval>('GET', `${V2025}/${first!.id}`);
    expect(res.data).toEqual(direct.body);
    expect(res.data.comments).toBeDefined();
    await expect(alice.getApproval({ id: '00000000-0000-4000-a000-000000000000' })).rejects.toMatchObject({
      response: { status: 404 },
    });
    const bobs = await whole(client(server.url, await tokenFor(server.url, 'bob.approver')), `mine=true&${PENDING}`);
    const notAlices = bobs.find((a) => !(a.assignedTo ?? []).some((i) => i.identityID === ALICE.id));
    const theirs = await whole(raw, filters(`approvalId eq "${notAlices!.id}"`));
    expect(theirs).toEqual([]);
    await expect(alice.getApproval({ id: notAlices!.id })).rejects.toMatchObject({ response: { status: 403 } });
  });
});
