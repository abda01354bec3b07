// The access-request operations against the real sandbox, through the app's http client: the queues map every
// approval of the owner viewed (`owner-id=me` for my own, so an admin does not get the whole org), the summary
// agrees with them, a decision leaves the pending queue and shows in the completed one with its comment, a
// rejection that needs a comment is refused without it, a forward hands the approval over, and the detail lookup
// finds an approval by id in either list.
import { act, renderHook, waitFor } from '@testing-library/react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { IDS, newQueryClient, startApiServer, wrapperFor, type ApiTestServer } from '../../../test/api-server.tsx';
import { isApiError } from '../../../lib/http.ts';
import { approveAccessRequest, approveAccessRequestRequest } from './approve-access-request.ts';
import { accessRequestCache } from './cache.ts';
import { forwardAccessRequest, forwardAccessRequestRequest } from './forward-access-request.ts';
import { accessRequestQueryOptions, getAccessRequest } from './get-access-request.ts';
import { getAccessRequestSummary } from './get-access-request-summary.ts';
import { completedAccessRequestsQueueQueryOptions } from './list-completed-access-requests.ts';
import { listPendingAccessRequests, pendingAccessRequestsQueueQueryOptions } from './list-pending-access-requests.ts';
import { ACCESS_REQUEST_KIND } from './queue-row.ts';
import { rejectAccessRequest, rejectAccessRequestRequest } from './reject-access-request.ts';

let api: ApiTestServer;
let client: QueryClient;

beforeAll(async () => {
  api = await startApiServer();
});
afterAll(() => api?.close());
beforeEach(async () => {
  client = newQueryClient();
  await api.settled();
  api.requests.length = 0;
});

async function pendingQueue(ownerId?: string) {
  const { result } = renderHook(() => useQuery(pendingAccessRequestsQueueQueryOptions({ ownerId, bound: 10_000 })), {
    wrapper: wrapperFor(client),
  });
  await waitFor(() => expect(result.current.data?.complete).toBe(true));
  return result.current.data!;
}

it("an admin's own queue is theirs (owner-id=me), another owner's is exactly that owner's", async () => {
  await api.signInAs('ada.admin');
  const org = await listPendingAccessRequests({ ownerId: false, limit: 1, offset: 0 });
  const own = await pendingQueue();
  const alices = await pendingQueue(IDS.alice);
  expect(own.rows.every((r) => r.ownerId === IDS.ada)).toBe(true);
  expect(alices.rows.length).toBeGreaterThan(0);
  expect(alices.rows.every((r) => r.ownerId === IDS.alice && r.kind === ACCESS_REQUEST_KIND)).toBe(true);
  expect(org.total).toBeGreaterThan(own.total + alices.total - 1);
  const owners = api.requests
    .filter((r) => r.url.startsWith('/v3/access-request-approvals/pending'))
    .map((r) => new URL(r.url, 'http://x').searchParams.get('owner-id'));
  expect(owners).toEqual(expect.arrayContaining([null, 'me', IDS.alice]));
  expect((await getAccessRequestSummary({ ownerId: IDS.alice })).pending).toBe(alices.total);
});

it('approve with a comment, reject (comment required), forward: each as the API says afterwards', async () => {
  await api.signInAs('alice.approver');
  const { items } = await listPendingAccessRequests({ limit: 250, offset: 0 });
  const free = items.filter((a) => !a.commentRequiredWhenRejected && !a.actionInProcess);
  const strict = items.find((a) => a.commentRequiredWhenRejected && !a.actionInProcess)!;
  const [approved, forwarded] = free;
  const before = await pendingQueue();
  expect(before.rows.find((r) => r.id === strict.id)?.needsComment).toEqual(['reject']);

  // shown at once: the approval leaves the queue, its page shows the decision; undone: both back as they were
  const request = approveAccessRequestRequest({ approvalId: approved.id, comment: '  ok for Q3  ' }, 'x');
  expect(request.json).toEqual({ comment: 'ok for Q3' });
  const queueKey = pendingAccessRequestsQueueQueryOptions({ bound: 10_000 }).queryKey;
  client.setQueryData(accessRequestQueryOptions(approved.id).queryKey, await getAccessRequest(approved.id));
  act(() => accessRequestCache.shown(client, request));
  expect(client.getQueryData(queueKey)!.rows.some((r) => r.id === approved.id)).toBe(false);
  expect(client.getQueryData(accessRequestQueryOptions(approved.id).queryKey)).toMatchObject({ status: 'decided' });
  act(() => accessRequestCache.restored(client, request));
  expect(client.getQueryData(queueKey)!.rows.some((r) => r.id === approved.id)).toBe(true);
  expect(client.getQueryData(accessRequestQueryOptions(approved.id).queryKey)).toMatchObject({ status: 'pending' });

  await approveAccessRequest({ approvalId: approved.id, comment: '  ok for Q3  ' });
  const refused = await rejectAccessRequest({ approvalId: strict.id }).catch((e: unknown) => e);
  expect(isApiError(refused) && refused.status).toBe(400);
  await rejectAccessRequest({ approvalId: strict.id, comment: 'no ticket' });
  await forwardAccessRequest({ approvalId: forwarded.id, newOwnerId: IDS.bob, comment: 'bob owns it' });
  await accessRequestCache.settled(
    client,
    [
      approveAccessRequestRequest({ approvalId: approved.id }, 'x'),
      rejectAccessRequestRequest({ approvalId: strict.id }, 'x'),
      forwardAccessRequestRequest({ approvalId: forwarded.id, newOwnerId: IDS.bob, comment: 'x' }, 'x'),
    ],
    [],
  );
  await accessRequestCache.refresh(client);

  const after = await pendingQueue();
  expect(after.rows.map((r) => r.id)).not.toEqual(expect.arrayContaining([approved.id]));
  expect(after.total).toBe(before.total - 3);
  const { result } = renderHook(() => useQuery(completedAccessRequestsQueueQueryOptions({ bound: 10_000 })), {
    wrapper: wrapperFor(client),
  });
  await waitFor(() => expect(result.current.data?.complete).toBe(true), { timeout: 10_000 });
  const done = new Map(result.current.data!.rows.map((r) => [r.id, r]));
  expect(done.get(approved.id)).toMatchObject({ state: 'Approved', comment: 'ok for Q3' });
  expect(done.get(strict.id)).toMatchObject({ state: 'Rejected', comment: 'no ticket' });
  expect(done.has(forwarded.id)).toBe(false);

  expect(await getAccessRequest(approved.id)).toMatchObject({ status: 'completed' });
  expect(await getAccessRequest(forwarded.id)).toEqual({ status: 'not-found' });
  await api.signInAs('bob.approver');
  const atBob = await getAccessRequest(forwarded.id);
  expect(atBob.status).toBe('pending');
  if (atBob.status === 'pending') expect(atBob.approval.forwardHistory?.at(-1)?.comment).toBe('bob owns it');
});
