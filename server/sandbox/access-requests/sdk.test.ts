// The official SailPoint TypeScript SDK (sailpoint-api-client, its v3 AccessRequestApprovalsApi), which nobody
// here wrote, drives all six access-request approval operations against the sandbox: paths, verbs, the
// `owner-id` / `from-date` names, filters and sorters as it sends them, its bodies (and the empty one it sends
// for an approval without a comment), and the statuses it expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessRequestApprovalsApi, Configuration } from 'sailpoint-api-client';
import type { PendingApproval } from 'sailpoint-api-client';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ADA, ALICE, BOB } from '../identities.ts';
import { approvalSummary, completedApproval, pendingApproval } from './spec-shapes.ts';
import { conforms } from '../../test/access-requests.ts';

let server: TestServer;
let alice: AccessRequestApprovalsApi;
let bob: AccessRequestApprovalsApi;
let ada: AccessRequestApprovalsApi;

function sdk(url: string, clientId: string) {
  return new AccessRequestApprovalsApi(
    new Configuration({ baseurl: url, tokenUrl: `${url}/oauth/token`, clientId, clientSecret: 'sandbox-secret' }),
  );
}

beforeAll(async () => {
  server = await startTestServer();
  // The SDK asks for its token inside the constructor: build it only once the server listens.
  alice = sdk(server.url, 'alice.approver');
  bob = sdk(server.url, 'bob.approver');
  ada = sdk(server.url, 'ada.admin');
});
afterAll(async () => {
  await server?.close();
});

async function pendingOf(api: AccessRequestApprovalsApi, predicate: (a: PendingApproval) => boolean = () => true) {
  const found = (await api.listPendingApprovals({ limit: 250 })).data.find(predicate);
  if (!found) throw new Error('no matching seeded approval');
  return found;
}

describe('official SDK: AccessRequestApprovalsApi against the sandbox', () => {
  it('lists pending and completed with paging and a count, spec-valid; the summary agrees', async () => {
    const pending = await alice.listPendingApprovals({ ownerId: 'me', count: true });
    expect(pending.status).toBe(200);
    conforms(pendingApproval, pending.data);
    expect(pending.data.length).toBeGreaterThanOrEqual(15);
    expect(Number(pending.headers['x-total-count'])).toBe(pending.data.length);
    expect(pending.data.every((a) => a.owner?.id === ALICE.id)).toBe(true);
    const page = await alice.listPendingApprovals({ limit: 5, offset: 5 });
    expect(page.data.map((a) => a.id)).toEqual(pending.data.slice(5, 10).map((a) => a.id));

    const completed = await alice.listCompletedApprovals({ ownerId: ALICE.id, count: true });
    conforms(completedApproval, completed.data);
    const summary = await alice.getAccessRequestApprovalSummary({ ownerId: 'me' });
    conforms(approvalSummary, summary.data);
    expect(summary.data).toEqual({
      pending: pending.data.length,
      approved: completed.data.filter((a) => a.state === 'APPROVED').length,
      rejected: completed.data.filter((a) => a.state === 'REJECTED').length,
    });
    const since = await alice.getAccessRequestApprovalSummary({ fromDate: '2999-01-01T00:00:00Z' });
    expect(since.data).toEqual({ pending: 0, approved: 0, rejected: 0 });
  });

  it('filters and sorts as the SDK passes them', async () => {
    const all = (await alice.listPendingApprovals({})).data;
    const target = all[3].requestedFor!.id!;
    const { data } = await alice.listPendingApprovals({
      filters: `requestedFor.id eq "${target}"`,
      sorters: 'created',
    });
    const expected = all.filter((a) => a.requestedFor?.id === target).reverse();
    expect(data.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    const recent = await alice.listCompletedApprovals({
      filters: `modified gt "${all.at(-1)!.created}"`,
      sorters: '-modified',
    });
    expect(recent.status).toBe(200);
    await expect(alice.listPendingApprovals({ filters: 'name eq "x"' })).rejects.toMatchObject({
      response: { status: 400 },
    });
    await expect(alice.listPendingApprovals({ sorters: 'requester' })).rejects.toMatchObject({
      response: { status: 400 },
    });
  });

  it('approves with and without a comment, rejects with one: 202 and an empty object', async () => {
    const one = await pendingOf(alice);
    const approved = await alice.approveAccessRequest({ approvalId: one.id!, commentDto: { comment: 'Approved.' } });
    expect(approved.status).toBe(202);
    expect(approved.data).toEqual({});
    const two = await pendingOf(alice);
    expect((await alice.approveAccessRequest({ approvalId: two.id! })).status).toBe(202);
    const three = await pendingOf(alice, (a) => a.commentRequiredWhenRejected === true);
    await expect(alice.rejectAccessRequest({ approvalId: three.id!, commentDto: {} })).rejects.toMatchObject({
      response: { status: 400 },
    });
    const rejected = await alice.rejectAccessRequest({
      approvalId: three.id!,
      commentDto: { comment: 'SOD conflict.' },
    });
    expect(rejected.status).toBe(202);
    const done = (await alice.listCompletedApprovals({ filters: `id in ("${one.id}", "${two.id}", "${three.id}")` }))
      .data;
    const byId = new Map(done.map((a) => [a.id, a]));
    expect(byId.get(one.id)).toMatchObject({ state: 'APPROVED', reviewerComment: { comment: 'Approved.' } });
    expect(byId.get(two.id)).toMatchObject({ state: 'APPROVED', reviewerComment: null });
    expect(byId.get(three.id)).toMatchObject({ state: 'REJECTED', reviewerComment: { comment: 'SOD conflict.' } });
    await expect(alice.approveAccessRequest({ approvalId: one.id! })).rejects.toMatchObject({
      response: { status: 400 },
    });
  });

  it('forwards to another approver, who then sees it with its history', async () => {
    const item = await pendingOf(alice, (a) => (a.forwardHistory ?? []).length === 0);
    const res = await alice.forwardAccessRequest({
      approvalId: item.id!,
      forwardApprovalDto: { newOwnerId: BOB.id, comment: 'Bob owns this application.' },
    });
    expect(res.status).toBe(202);
    const moved = (await bob.listPendingApprovals({ filters: `id eq "${item.id}"` })).data[0];
    expect(moved.owner?.id).toBe(BOB.id);
    expect(moved.forwardHistory).toEqual([
      expect.objectContaining({
        oldApproverName: 'Alice Approver',
        newApproverName: 'Bob Approver',
        comment: 'Bob owns this application.',
        reassignmentType: 'MANUAL_REASSIGNMENT',
      }),
    ]);
    await expect(
      alice.forwardAccessRequest({ approvalId: item.id!, forwardApprovalDto: { newOwnerId: ADA.id, comment: 'x' } }),
    ).rejects.toMatchObject({ response: { status: 403 } });
  });

  it('owner-id rules and errors as the SDK surfaces them', async () => {
    await expect(alice.listPendingApprovals({ ownerId: BOB.id })).rejects.toMatchObject({ response: { status: 403 } });
    await expect(alice.getAccessRequestApprovalSummary({ ownerId: ADA.id })).rejects.toMatchObject({
      response: { status: 403 },
    });
    const org = await ada.listPendingApprovals({ count: true });
    expect(new Set(org.data.map((a) => a.owner?.id)).size).toBeGreaterThan(1);
    const alices = await ada.listPendingApprovals({ ownerId: ALICE.id });
    expect(alices.data.every((a) => a.owner?.id === ALICE.id)).toBe(true);
    await expect(alice.approveAccessRequest({ approvalId: '0'.repeat(32) })).rejects.toMatchObject({
      response: { status: 404, data: { detailCode: '404 Not found' } },
    });
  });
});
