// Deciding approvals over real HTTP: approve (200 and the approval) and reject (204) by the approver it waits on,
// with the comment rules of its config (a comment of spaces or invisible format characters is no comment); a
// decision is final; whoever is not its approver is refused (403, 404 for an unknown id); an admin who is not an
// approver takes a waiting approver's place. Every refusal leaves every stored row as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../../contract/generic-approvals.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ADA, ALICE, BOB } from '../identities.ts';
import { client, dumpDb, errorText, tokenFor, type Call } from '../../test/sandbox.ts';
import { approval, errorResponse } from './spec-shapes.ts';
import {
  PENDING,
  V1,
  V2025,
  approvalOf,
  conforms,
  filters,
  isAccessRequest,
  pendingOf,
  picker,
  whole,
} from '../../test/generic-approvals.ts';

let server: TestServer;
let alice: Call;
let bob: Call;
let ada: Call;
let anonymous: Call;
let desk: Approval[];
const take = picker();

beforeAll(async () => {
  // A tenth of the scale is extra pending access-request approvals for alice: one for every test.
  server = await startTestServer({ SANDBOX_SEED_SCALE: '300' });
  alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
  bob = client(server.url, await tokenFor(server.url, 'bob.approver'));
  ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
  anonymous = client(server.url);
  desk = await whole(alice, `mine=true&${PENDING}&include-approvers=true`);
});
afterAll(async () => {
  await server?.close();
});

/** A plain access-request approval that waits on alice alone. */
const alone = (a: Approval) =>
  isAccessRequest(a) && a.approvers!.length === 1 && a.approvalCriteria?.type === 'PARALLEL';

/** The call is refused with `status` and a message containing `what`, and not one stored row changes. */
async function refused(call: Call, path: string, body: unknown, status: number, what: string) {
  const before = dumpDb(server.config.sandboxDb);
  const res = await call('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (status === 401) expect(res.body).toEqual({ error: expect.stringContaining(what) });
  else {
    conforms(errorResponse, res.body);
    expect(errorText(res.body)).toContain(what);
  }
  expect(dumpDb(server.config.sandboxDb)).toBe(before);
}

describe.each([V2025, V1])('decisions at %s', (prefix) => {
  it('approve with a comment → 200 and the approval: APPROVED, by alice, with her comment; it leaves her desk', async () => {
    const a = take(desk, alone);
    const res = await alice<Approval>('POST', `${prefix}/${a.id}/approve`, { comment: '  Fits the role.  ' });
    expect(res.status).toBe(200);
    conforms(approval, res.body);
    expect(res.body).toMatchObject({
      id: a.id,
      status: 'APPROVED',
      approvedBy: [{ identityID: ALICE.id, type: 'IDENTITY', name: 'Alice Approver' }],
      rejectedBy: [],
      assignedTo: [],
    });
    expect(res.body.comments!.at(-1)).toMatchObject({ comment: 'Fits the role.', author: { identityID: ALICE.id } });
    expect(res.body.completedDate).toBe(res.body.approvedBy![0]!.decisionDate);
    expect((await pendingOf(alice)).map((p) => p.id)).not.toContain(a.id);
    expect((await whole(alice, filters(`status eq "APPROVED" and approvalId eq "${a.id}"`))).length).toBe(1);
  });

  it('approve without a body, with an empty JSON body (as SDKs send it), null or {} → 200', async () => {
    for (const [body, headers] of [
      [undefined, {}],
      ['', { 'content-type': 'application/json' }],
      ['null', { 'content-type': 'application/json' }],
      [{}, {}],
    ] as const) {
      const a = take(desk, alone);
      const res = await alice<Approval>('POST', `${prefix}/${a.id}/approve`, body, headers);
      expect(res.status, JSON.stringify([body, res.body])).toBe(200);
      expect(res.body.status).toBe('APPROVED');
    }
  });

  it('reject → 204 without a body; REJECTED, with the comment its config requires', async () => {
    const a = take(desk, alone);
    expect(a.approvalConfig?.requiresComment).toBe('REJECTION');
    await refused(alice, `${prefix}/${a.id}/reject`, undefined, 400, 'requires a comment to reject it');
    await refused(alice, `${prefix}/${a.id}/reject`, { comment: '' }, 400, 'requires a comment');
    // spaces (Z) and invisible format characters (Cf) are no comment
    const invisible = ' \u00a0\u2003\u3000\u200b\u200e\u200f\u2060\ufeff\u202e\t\n';
    await refused(alice, `${prefix}/${a.id}/reject`, { comment: invisible }, 400, 'requires a comment');
    const res = await alice('POST', `${prefix}/${a.id}/reject`, { comment: 'Not needed for the role.' });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    const after = await approvalOf(alice, a.id);
    expect(after).toMatchObject({ status: 'REJECTED', rejectedBy: [{ identityID: ALICE.id }], approvedBy: [] });
    expect(after.comments!.at(-1)!.comment).toBe('Not needed for the role.');
  });

  it('a decision is final: approving or rejecting again is 400 and changes nothing', async () => {
    const a = take(desk, alone);
    expect((await alice('POST', `${prefix}/${a.id}/approve`)).status).toBe(200);
    await refused(alice, `${prefix}/${a.id}/approve`, {}, 400, 'is already approved');
    await refused(alice, `${prefix}/${a.id}/reject`, { comment: 'changed my mind' }, 400, 'is already approved');
    await refused(ada, `${prefix}/${a.id}/approve`, {}, 400, 'is already approved');
  });

  it('whoever it does not wait on is refused (403; 404 for an unknown id; 401 anonymous), nothing changes', async () => {
    const a = take(desk, alone);
    await refused(bob, `${prefix}/${a.id}/approve`, {}, 403, 'is not yours');
    await refused(bob, `${prefix}/${a.id}/reject`, { comment: 'x' }, 403, 'is not yours');
    await refused(alice, `${prefix}/00000000-0000-4000-a000-000000000000/approve`, {}, 404, 'was not found');
    await refused(anonymous, `${prefix}/${a.id}/approve`, {}, 401, 'JWT is required');
    // its requester may see it, and comment, but not decide
    const requested = desk.find((d) => d.requester?.identityID === BOB.id && d.status === 'PENDING')!;
    expect((await bob('GET', `${prefix}/${requested.id}`)).status).toBe(200);
    await refused(bob, `${prefix}/${requested.id}/approve`, {}, 403, 'not one of its approvers');
  });

  it('an admin who is not an approver takes the waiting approver’s place, then decides', async () => {
    const a = take(desk, alone);
    const res = await ada<Approval>('POST', `${prefix}/${a.id}/approve`, { comment: 'Approved by IT Security.' });
    expect(res.status).toBe(200);
    expect(res.body.approvedBy!.map((p) => p.identityID)).toEqual([ADA.id]);
    expect(res.body.approvers!.map((p) => p.identityID)).toEqual([ADA.id]);
    expect(res.body.reassignmentHistory).toEqual([
      expect.objectContaining({
        reassignedFrom: expect.objectContaining({ identityID: ALICE.id }),
        reassignedTo: expect.objectContaining({ identityID: ADA.id }),
        reassigner: expect.objectContaining({ identityID: ADA.id }),
        reassignmentType: 'MANUAL_REASSIGNMENT',
      }),
    ]);
  });
});

describe('nobody decides their own request', () => {
  it('an admin who asked for it cannot take the approver’s place to approve it', async () => {
    const a = take(desk, (d) => alone(d) && d.requester?.identityID === ADA.id);
    await refused(ada, `${V2025}/${a.id}/approve`, {}, 403, 'someone else must decide it');
    await refused(ada, `${V2025}/bulk-approve`, { approvalIds: [a.id] }, 403, 'someone else must decide it');
    expect((await alice('POST', `${V2025}/${a.id}/approve`)).status).toBe(200);
  });
});

describe('comment rules of other configs', () => {
  it('an account deletion needs a comment either way (requiresComment ALL)', async () => {
    const a = take(desk, (d) => d.type === 'ACCOUNT_DELETE_APPROVAL_REQUEST');
    expect(a.approvalConfig?.requiresComment).toBe('ALL');
    await refused(alice, `${V2025}/${a.id}/approve`, { comment: '\u200b' }, 400, 'requires a comment to approve it');
    expect((await alice('POST', `${V2025}/${a.id}/approve`, { comment: 'Left on Friday.' })).status).toBe(200);
  });

  it('a generic approval without a rule is rejected without a comment', async () => {
    const a = take(desk, (d) => d.type === 'GENERIC_APPROVAL' && d.approvalCriteria?.type === 'PARALLEL');
    expect(a.approvalConfig?.requiresComment).toBe('OFF');
    expect((await alice('POST', `${V2025}/${a.id}/reject`)).status).toBe(204);
  });

  it('overrideApproverID other than oneself is refused (no governance groups here)', async () => {
    const a = take(desk, alone);
    await refused(alice, `${V2025}/${a.id}/approve`, { overrideApproverID: BOB.id }, 400, 'overrideApproverID');
    expect((await alice('POST', `${V2025}/${a.id}/approve`, { overrideApproverID: ALICE.id })).status).toBe(200);
  });
});
