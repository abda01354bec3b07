// The whole-list queues against the real sandbox: the pending queue streams every page (first page at once, then
// the rest), holds compact rows only, stops at the bound, sits under its owner's key (a decision's invalidation
// reaches it and the refetch keeps the rows on screen until the new list is in), and the completed queue too.
import { act, renderHook, waitFor } from '@testing-library/react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { newQueryClient, startApiServer, wrapperFor, type ApiTestServer } from '../../../test/api-server.tsx';
import type { QueueScope } from '../../../lib/kinds/kind.ts';
import { approveApprovalItemsInBulk, approveApprovalItemsInBulkRequest } from './approve-approval-items-in-bulk.ts';
import { invalidateOwner, workItemCache } from './cache.ts';
import { getCountWorkItems } from './get-count-work-items.ts';
import { getCountCompletedWorkItems } from './get-count-completed-work-items.ts';
import { completedWorkItemsQueueQueryOptions } from './get-completed-work-items.ts';
import { workItemsQueueQueryOptions } from './list-work-items.ts';
import { workItemKeys } from './keys.ts';

const useWorkItemsQueue = (scope: QueueScope) => useQuery(workItemsQueueQueryOptions(scope));
const useCompletedWorkItemsQueue = (scope: QueueScope) => useQuery(completedWorkItemsQueueQueryOptions(scope));

let api: ApiTestServer;
let client: QueryClient;
let pendingCount: number;

const listCalls = () => api.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/v3/work-items?'));

beforeAll(async () => {
  api = await startApiServer({ SANDBOX_SEED_SCALE: '720' });
  await api.signInAs('alice.approver');
  pendingCount = (await getCountWorkItems({})).count;
});
afterAll(() => api?.close());
beforeEach(async () => {
  client = newQueryClient();
  await api.settled();
  api.requests.length = 0;
});

it('streams the whole pending queue in pages of 250: the first page shows first, then every item once', async () => {
  expect(pendingCount).toBeGreaterThan(750);
  const { result } = renderHook(() => useWorkItemsQueue({ bound: 10_000 }), { wrapper: wrapperFor(client) });
  const seen: number[] = [];
  await waitFor(
    () => {
      if (result.current.data) seen.push(result.current.data.rows.length);
      expect(result.current.data?.complete).toBe(true);
    },
    { timeout: 15_000 },
  );
  const data = result.current.data!;
  expect(data.total).toBe(pendingCount);
  expect(data.rows).toHaveLength(pendingCount);
  expect(new Set(data.rows.map((r) => r.id)).size).toBe(pendingCount);
  expect(seen[0], 'the first page was on its own first').toBe(250);
  // compact rows only: no payload fields kept
  expect(Object.keys(data.rows[0])).not.toContain('approvalItems');
  await api.settled();
  const offsets = listCalls().map((r) => new URL(r.url, 'http://x').searchParams.get('offset'));
  expect(offsets.sort()).toEqual(
    Array.from({ length: Math.ceil(pendingCount / 250) }, (_, i) => String(i * 250)).sort(),
  );
});

it('stops at the bound: a bigger queue loads the first `bound` items in the server order', async () => {
  const { result } = renderHook(() => useWorkItemsQueue({ bound: 300 }), { wrapper: wrapperFor(client) });
  await waitFor(() => expect(result.current.data?.complete).toBe(true));
  expect(result.current.data).toMatchObject({ total: pendingCount, target: 300 });
  expect(result.current.data!.rows).toHaveLength(300);
  const created = result.current.data!.rows.map((r) => r.created);
  expect(created).toEqual([...created].sort((a, b) => b - a)); // newest first, as the server lists them
  await api.settled();
  expect(listCalls().map((r) => new URL(r.url, 'http://x').searchParams.get('limit'))).toEqual(['250', '50']);
});

it("a decision invalidates the owner's queue; the refetch keeps the old rows until the new list is in", async () => {
  const { result } = renderHook(() => useWorkItemsQueue({ bound: 500 }), { wrapper: wrapperFor(client) });
  await waitFor(() => expect(result.current.data?.complete).toBe(true));
  const before = result.current.data!;
  const target = before.rows.find((r) => r.can.approve)!;
  await approveApprovalItemsInBulk({ workItemId: target.id });
  const key = workItemsQueueQueryOptions({ bound: 500 }).queryKey;
  expect(key.slice(0, workItemKeys.owner({}).length)).toEqual(workItemKeys.owner({}));

  const lengths: number[] = [];
  const unsubscribe = client.getQueryCache().subscribe(() => {
    const rows = client.getQueryData(key)?.rows;
    if (rows) lengths.push(rows.length);
  });
  await act(() => invalidateOwner(client, null));
  await waitFor(() => expect(result.current.isFetching).toBe(false));
  unsubscribe();
  expect(
    lengths.every((n) => n >= 500 - 1),
    'never a partial list on screen during the refetch',
  ).toBe(true);
  expect(result.current.data!.rows.some((r) => r.id === target.id)).toBe(false);
  expect(result.current.data!.total).toBe(pendingCount - 1);
  pendingCount -= 1;
});

it("a run's decisions leave the queue at once (the kind's cache), then one refresh refetches it once", async () => {
  const { result } = renderHook(() => useWorkItemsQueue({ bound: 250 }), { wrapper: wrapperFor(client) });
  await waitFor(() => expect(result.current.data?.complete).toBe(true));
  const done = result.current.data!.rows.filter((r) => r.can.approve).slice(0, 3);
  const requests = done.map((r) => approveApprovalItemsInBulkRequest({ workItemId: r.id }, r.name));
  const answers: unknown[] = [];
  for (const r of done) answers.push(await approveApprovalItemsInBulk({ workItemId: r.id }));
  await api.settled();
  api.requests.length = 0;
  act(() => requests.forEach((request) => workItemCache.shown(client, request)));
  const rows = () => client.getQueryData(workItemsQueueQueryOptions({ bound: 250 }).queryKey)!.rows;
  expect(done.some((r) => rows().some((x) => x.id === r.id))).toBe(false);
  await act(() => workItemCache.settled(client, requests, answers));
  await api.settled();
  expect(listCalls(), 'settling marks stale, refetches nothing').toHaveLength(0);
  await act(() => workItemCache.refresh(client, []));
  await waitFor(() => expect(result.current.isFetching).toBe(false));
  await api.settled();
  expect(listCalls()).toHaveLength(1); // one page: bound 250
  pendingCount -= 3;
});

it('the completed queue streams every completed item with its completion date', async () => {
  const completed = (await getCountCompletedWorkItems({})).count;
  const { result } = renderHook(() => useCompletedWorkItemsQueue({ bound: 10_000 }), {
    wrapper: wrapperFor(client),
  });
  await waitFor(() => expect(result.current.data?.complete).toBe(true));
  expect(result.current.data!.rows).toHaveLength(completed);
  expect(result.current.data!.rows.every((r) => r.completed > 0 && r.state !== 'Pending')).toBe(true);
});
