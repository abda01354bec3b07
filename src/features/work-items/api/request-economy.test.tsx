// Request economy, counted at the server: list the inbox, open one item from the list, approve one of its
// approval items — exactly these requests, nothing twice.
import { act, renderHook, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newQueryClient, startApiServer, wrapperFor, type ApiTestServer } from '../../../test/api-server.tsx';
import { approveApprovalItem, approveApprovalItemRequest } from './approve-approval-item.ts';
import { workItemCache } from './cache.ts';
import { useWorkItem } from './get-work-item.ts';
import { workItemsQueryOptions } from './list-work-items.ts';

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiServer();
  await api.signInAs('alice.approver');
});
afterAll(() => api?.close());

it('list → open one item → approve one approval item', async () => {
  const client = newQueryClient();
  const wrapper = wrapperFor(client);
  await api.settled();
  api.requests.length = 0;

  // the inbox: one page big enough to hold everything, so there is no next page to prefetch
  const inbox = renderHook(() => useQuery(workItemsQueryOptions({ limit: 100, offset: 0 })), { wrapper });
  await waitFor(() => expect(inbox.result.current.isSuccess).toBe(true));
  const item = inbox.result.current.data!.items.find((i) => (i.approvalItems?.length ?? 0) >= 2)!;
  inbox.unmount(); // the detail page replaces the inbox

  const detail = renderHook(() => useWorkItem(item.id), { wrapper });
  expect(detail.result.current.data?.id).toBe(item.id); // the list's copy, at once
  await waitFor(() => expect(detail.result.current.isPlaceholderData).toBe(false));

  const approvalItemId = item.approvalItems![0]!.id!;
  // a decision as the inbox makes it: shown at once (the kind's cache), sent, the answer written
  const request = approveApprovalItemRequest({ workItemId: item.id, approvalItemId }, 'x');
  act(() => workItemCache.shown(client, request));
  const answer = await approveApprovalItem({ workItemId: item.id, approvalItemId });
  await act(() => workItemCache.settled(client, [request], [answer]));
  await waitFor(() =>
    expect(detail.result.current.data!.approvalItems!.find((a) => a.id === approvalItemId)!.state).toBe('Finished'),
  );
  await new Promise((resolve) => setTimeout(resolve, 200)); // room for any stray refetch to show up
  await api.settled();

  expect(api.requests.map((r) => `${r.method} ${r.url} ${r.status}`)).toEqual([
    'GET /v3/work-items?limit=100&offset=0&count=true 200',
    `GET /v3/work-items/${item.id} 200`,
    `POST /v3/work-items/${item.id}/approve/${approvalItemId} 200`,
  ]);
});
