// Every work-items hook against the real server and its sandbox: its success path, and an error path proving that
// status, detailCode and trackingId reach the caller.
import { act, renderHook, waitFor } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http.ts';
import {
  IDS,
  TRACKING_ID,
  UNKNOWN_ID,
  newQueryClient,
  startApiServer,
  wrapperFor,
  type ApiTestServer,
} from '../../../test/api-server.tsx';
import { isSection, type FieldDetails, type FormItem, type WorkItem } from '../../../../contract/work-items.ts';
import { useApproveApprovalItem } from './approve-approval-item.ts';
import { useApproveApprovalItemsInBulk } from './approve-approval-items-in-bulk.ts';
import { useCompleteWorkItem } from './complete-work-item.ts';
import { useCompletedWorkItems } from './get-completed-work-items.ts';
import { useCompletedWorkItemsCount } from './get-count-completed-work-items.ts';
import { useWorkItemsCount } from './get-count-work-items.ts';
import { useWorkItem } from './get-work-item.ts';
import { useWorkItemsSummary } from './get-work-items-summary.ts';
import { workItemKeys } from './keys.ts';
import { useWorkItems } from './list-work-items.ts';
import { useRejectApprovalItem } from './reject-approval-item.ts';
import { useRejectApprovalItemsInBulk } from './reject-approval-items-in-bulk.ts';
import { useForwardWorkItem } from './send-work-item-forward.ts';
import { useSubmitAccountSelection } from './submit-account-selection.ts';
import { listWorkItems } from './list-work-items.ts';

let api: ApiTestServer;
let client: QueryClient;
let aliceItems: WorkItem[];

function render<T>(hook: () => T) {
  return renderHook(hook, { wrapper: wrapperFor(client) });
}

/** The error a hook ended with, as an ApiError carrying the server's diagnostics. */
function expectApiError(error: unknown, status: number, detailCode: string) {
  expect(error).toBeInstanceOf(ApiError);
  const e = error as ApiError;
  expect(e.status).toBe(status);
  expect(e.detailCode).toBe(detailCode);
  expect(e.trackingId).toMatch(TRACKING_ID);
  expect(e.message.length).toBeGreaterThan(0);
}

const pendingWith = (predicate: (item: WorkItem) => boolean): WorkItem[] =>
  aliceItems.filter((i) => i.state === 'Pending' && predicate(i));
const approvals = (item: WorkItem) => item.approvalItems?.length ?? 0;

beforeAll(async () => {
  api = await startApiServer();
  await api.signInAs('alice.approver');
  aliceItems = (await listWorkItems({ limit: 250, offset: 0 })).items;
});
afterAll(() => api?.close());
beforeEach(() => {
  client = newQueryClient();
});

describe('queries', () => {
  it('useWorkItems: one page with X-Total-Count, the next page prefetched; previous page kept while paging', async () => {
    const { result, rerender } = renderHook(({ offset }) => useWorkItems({ limit: 5, offset }), {
      wrapper: wrapperFor(client),
      initialProps: { offset: 0 },
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.items).toHaveLength(5);
    expect(result.current.data!.total).toBe(aliceItems.length);
    expect(result.current.data!.items.every((i) => i.ownerId === IDS.alice)).toBe(true);
    await waitFor(() =>
      expect(client.getQueryData(workItemKeys.list({ ownerId: null, limit: 5, offset: 5 }))).toBeDefined(),
    );
    const firstPage = result.current.data!.items.map((i) => i.id);
    rerender({ offset: 10 });
    // the previous page stays on screen while page 3 loads
    expect(result.current.data!.items.map((i) => i.id)).toEqual(firstPage);
    expect(result.current.isPlaceholderData).toBe(true);
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data!.items.map((i) => i.id)).not.toEqual(firstPage);
  });

  it("useWorkItems: a non-admin's ownerId → 403", async () => {
    const { result } = render(() => useWorkItems({ ownerId: IDS.bob, limit: 5, offset: 0 }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expectApiError(result.current.error, 403, '403 Forbidden');
  });

  it('useCompletedWorkItems: a page of completed items; 403 for another owner', async () => {
    const { result } = render(() => useCompletedWorkItems({ limit: 3, offset: 0 }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.total).toBeGreaterThanOrEqual(result.current.data!.items.length);
    expect(result.current.data!.items.every((i) => i.state !== 'Pending')).toBe(true);

    const other = render(() => useCompletedWorkItems({ ownerId: IDS.carol, limit: 3, offset: 0 }));
    await waitFor(() => expect(other.result.current.isError).toBe(true));
    expectApiError(other.result.current.error, 403, '403 Forbidden');
  });

  it('useWorkItemsCount / useCompletedWorkItemsCount: {count}; 403 for another owner', async () => {
    const pending = render(() => useWorkItemsCount());
    const completed = render(() => useCompletedWorkItemsCount({}));
    await waitFor(() => expect(pending.result.current.isSuccess && completed.result.current.isSuccess).toBe(true));
    expect(pending.result.current.data).toEqual({ count: aliceItems.length });
    expect(completed.result.current.data!.count).toBeGreaterThanOrEqual(0);

    const p403 = render(() => useWorkItemsCount({ ownerId: IDS.bob }));
    const c403 = render(() => useCompletedWorkItemsCount({ ownerId: IDS.bob }));
    await waitFor(() => expect(p403.result.current.isError && c403.result.current.isError).toBe(true));
    expectApiError(p403.result.current.error, 403, '403 Forbidden');
    expectApiError(c403.result.current.error, 403, '403 Forbidden');
  });

  it('useWorkItemsSummary: open/completed/total; 403 for another owner', async () => {
    const { result } = render(() => useWorkItemsSummary());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.open).toBe(aliceItems.length);
    expect(result.current.data!.total).toBe(result.current.data!.open + result.current.data!.completed);

    const other = render(() => useWorkItemsSummary({ ownerId: IDS.ada }));
    await waitFor(() => expect(other.result.current.isError).toBe(true));
    expectApiError(other.result.current.error, 403, '403 Forbidden');
  });

  it("useWorkItem: shows the list's copy at once, then the full item; 404 for an unknown id", async () => {
    const list = render(() => useWorkItems({ limit: 5, offset: 0 }));
    await waitFor(() => expect(list.result.current.isSuccess).toBe(true));
    const fromList = list.result.current.data!.items[2]!;
    const { result } = render(() => useWorkItem(fromList.id));
    expect(result.current.data?.id).toBe(fromList.id); // first render: the list's copy
    expect(result.current.isPlaceholderData).toBe(true);
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data!.id).toBe(fromList.id);

    const missing = render(() => useWorkItem(UNKNOWN_ID));
    await waitFor(() => expect(missing.result.current.isError).toBe(true));
    expectApiError(missing.result.current.error, 404, '404 Not found');
  });
});

describe('decisions', () => {
  it('useApproveApprovalItem: writes the answer into the detail cache and invalidates the lists', async () => {
    const item = pendingWith((i) => approvals(i) >= 3)[0]!;
    const approvalItemId = item.approvalItems![0]!.id!;
    const list = render(() => useWorkItems({ limit: 250, offset: 0 }));
    const detail = render(() => useWorkItem(item.id));
    await waitFor(() => expect(list.result.current.isSuccess && !detail.result.current.isPlaceholderData).toBe(true));
    const listFetchedAt = list.result.current.dataUpdatedAt;

    const { result } = render(() => useApproveApprovalItem());
    await act(() => result.current.mutateAsync({ workItemId: item.id, approvalItemId }));
    const cached = client.getQueryData<WorkItem>(workItemKeys.detail(item.id))!;
    expect(cached.approvalItems!.find((a) => a.id === approvalItemId)!.state).toBe('Finished');
    expect(cached.state).toBe('Pending'); // other approval items are still pending
    // the mounted list was invalidated and fetched again
    await waitFor(() => expect(list.result.current.dataUpdatedAt).toBeGreaterThan(listFetchedAt));
  });

  it('useRejectApprovalItem: optimistic state, rolled back when the server refuses (already decided → 400)', async () => {
    const item = pendingWith((i) => approvals(i) >= 3)[1]!;
    const approvalItemId = item.approvalItems![0]!.id!;
    const detail = render(() => useWorkItem(item.id));
    // read `data` here as a page would: useQuery re-renders only for the properties that were read
    await waitFor(() =>
      expect(!detail.result.current.isPlaceholderData && detail.result.current.data?.id).toBe(item.id),
    );

    const reject = render(() => useRejectApprovalItem());
    const stateOf = (data: WorkItem | undefined) => data?.approvalItems?.find((a) => a.id === approvalItemId)?.state;
    await act(() => reject.result.current.mutateAsync({ workItemId: item.id, approvalItemId }));
    await waitFor(() => expect(stateOf(detail.result.current.data)).toBe('Rejected'));

    // approve the rejected item: shown Finished at once, rolled back to Rejected on the 400
    const seen: (string | null | undefined)[] = [];
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryHash === JSON.stringify(workItemKeys.detail(item.id))) {
        seen.push(stateOf(event.query.state.data as WorkItem | undefined));
      }
    });
    const approve = render(() => useApproveApprovalItem());
    let error: unknown;
    await act(async () => {
      error = await approve.result.current.mutateAsync({ workItemId: item.id, approvalItemId }).catch((e) => e);
    });
    unsubscribe();
    expectApiError(error, 400, '400.1 Bad Request Content');
    expect((error as ApiError).message).toMatch(/already decided/);
    expect(seen).toContain('Finished'); // the optimistic state
    await waitFor(() => expect(stateOf(detail.result.current.data)).toBe('Rejected')); // rolled back
    await waitFor(() => expect(approve.result.current.isError).toBe(true));
    expect(approve.result.current.error).toBe(error);
  });

  it('useApproveApprovalItemsInBulk / useRejectApprovalItemsInBulk: complete the item; 404 for an unknown id', async () => {
    const [first, second] = pendingWith((i) => approvals(i) === 2);
    const bulkApprove = render(() => useApproveApprovalItemsInBulk());
    const bulkReject = render(() => useRejectApprovalItemsInBulk());
    const approved = await act(() => bulkApprove.result.current.mutateAsync({ workItemId: first!.id }));
    expect(approved.state).toBe('Finished');
    expect(client.getQueryData<WorkItem>(workItemKeys.detail(first!.id))!.state).toBe('Finished');
    const rejected = await act(() => bulkReject.result.current.mutateAsync({ workItemId: second!.id }));
    expect(rejected.approvalItems!.every((a) => a.state === 'Rejected')).toBe(true);

    for (const hook of [bulkApprove, bulkReject]) {
      const error = await act(() => hook.result.current.mutateAsync({ workItemId: UNKNOWN_ID }).catch((e) => e));
      expectApiError(error, 404, '404 Not found');
    }
  });

  it('useCompleteWorkItem: completes a task; an item with pending approvals → 400', async () => {
    const task = pendingWith((i) => approvals(i) === 0 && !i.form)[0]!;
    const { result } = render(() => useCompleteWorkItem());
    const done = await act(() => result.current.mutateAsync({ workItemId: task.id }));
    expect(done.state).toBe('Finished');
    expect(client.getQueryData<WorkItem>(workItemKeys.detail(task.id))!.state).toBe('Finished');

    const withApprovals = pendingWith((i) => approvals(i) >= 4)[0]!;
    const error = await act(() => result.current.mutateAsync({ workItemId: withApprovals.id }).catch((e) => e));
    expectApiError(error, 400, '400.1 Bad Request Content');
    expect((error as ApiError).message).toMatch(/pending approval item/);
  });

  it('useSubmitAccountSelection: submits the form; an invalid selection → 400 with causes', async () => {
    const [formItem, other] = pendingWith((i) => !!i.form);
    const { result } = render(() => useSubmitAccountSelection());
    const submitted = await act(() =>
      result.current.mutateAsync({ workItemId: formItem!.id, selection: validSelection(formItem!) }),
    );
    expect(submitted.id).toBe(formItem!.id);
    expect(client.getQueryData<WorkItem>(workItemKeys.detail(formItem!.id))).toEqual(submitted);

    const error = await act(() =>
      result.current.mutateAsync({ workItemId: other!.id, selection: { notAField: 'x' } }).catch((e) => e),
    );
    expectApiError(error, 400, '400.1 Bad Request Content');
    expect((error as ApiError).causes.join(' ')).toMatch(/notAField/);
  });

  it("useForwardWorkItem: hands the item to bob and invalidates both owners' lists; same owner → 400", async () => {
    const item = pendingWith((i) => approvals(i) === 1)[0]!;
    const list = render(() => useWorkItems({ limit: 250, offset: 0 }));
    await waitFor(() => expect(list.result.current.isSuccess).toBe(true));
    expect(list.result.current.data!.items.some((i) => i.id === item.id)).toBe(true);
    const detail = render(() => useWorkItem(item.id));
    await waitFor(() => expect(detail.result.current.isSuccess && !detail.result.current.isPlaceholderData).toBe(true));
    detail.unmount(); // the page navigates away after forwarding

    const { result } = render(() => useForwardWorkItem());
    await act(() =>
      result.current.mutateAsync({ workItemId: item.id, targetOwnerId: IDS.bob, comment: 'Bob knows this system' }),
    );
    await waitFor(() => expect(list.result.current.data!.items.some((i) => i.id === item.id)).toBe(false));
    // v3 answers forward with an empty 200: the cached detail (still naming alice) is marked stale, not refetched
    expect(client.getQueryState(workItemKeys.detail(item.id))?.isInvalidated).toBe(true);

    const another = pendingWith((i) => approvals(i) === 1)[1]!;
    const error = await act(() =>
      result.current
        .mutateAsync({ workItemId: another.id, targetOwnerId: IDS.alice, comment: 'to myself' })
        .catch((e) => e),
    );
    expectApiError(error, 400, '400.1 Bad Request Content');
    // someone else's item (now bob's) → 403
    const forbidden = await act(() =>
      result.current.mutateAsync({ workItemId: item.id, targetOwnerId: IDS.carol, comment: 'x' }).catch((e) => e),
    );
    expectApiError(forbidden, 403, '403 Forbidden');
  });
});

describe('as an admin', () => {
  beforeAll(async () => {
    await api.signInAs('ada.admin');
  });

  it("reads another owner's lists, counts and summary under that owner's keys", async () => {
    const list = render(() => useWorkItems({ ownerId: IDS.bob, limit: 10, offset: 0 }));
    const count = render(() => useWorkItemsCount({ ownerId: IDS.bob }));
    const summary = render(() => useWorkItemsSummary({ ownerId: IDS.bob }));
    await waitFor(() =>
      expect(list.result.current.isSuccess && count.result.current.isSuccess && summary.result.current.isSuccess).toBe(
        true,
      ),
    );
    expect(list.result.current.data!.items.every((i) => i.ownerId === IDS.bob)).toBe(true);
    expect(list.result.current.data!.total).toBe(count.result.current.data!.count);
    expect(summary.result.current.data!.open).toBe(count.result.current.data!.count);
    expect(client.getQueryData(workItemKeys.list({ ownerId: IDS.bob, limit: 10, offset: 0 }))).toBeDefined();
    expect(client.getQueryData(workItemKeys.list({ limit: 10, offset: 0 }))).toBeUndefined();
  });
});

/** A selection the sandbox accepts: the first allowed value, true for checkboxes, text for required text. */
function validSelection(item: WorkItem): Record<string, unknown> {
  const fields: FieldDetails[] = [];
  const walk = (items: FormItem[] | null | undefined) => {
    for (const f of items ?? []) {
      if (isSection(f)) walk(f.formItems);
      else fields.push(f as FieldDetails);
    }
  };
  for (const section of item.form?.sections ?? []) walk(section.formItems);
  const selection: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.displayType === 'checkbox') selection[field.name] = true;
    else if (field.allowedValuesList?.length) selection[field.name] = field.allowedValuesList[0]!.value;
    else if (field.displayType === 'date') selection[field.name] = '2030-01-01';
    else if (field.required) selection[field.name] = 'Reviewed';
  }
  return selection;
}
