// The work-item operations against the real sandbox, through the app's http client and queryOptions: every query
// (pages, counts, summary, one item), every decision as the inbox sends it (the request functions) and how the
// kind's cache follows it (written answers, lists marked stale, optimistic states put back), and an admin's view.
import { act, renderHook, waitFor } from '@testing-library/react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http.ts';
import {
  IDS,
  newQueryClient,
  startApiServer,
  TRACKING_ID,
  UNKNOWN_ID,
  wrapperFor,
  type ApiTestServer,
} from '../../../test/api-server.tsx';
import { isSection, type FieldDetails, type FormItem, type WorkItem } from '../../../../contract/work-items.ts';
import { approveApprovalItem, approveApprovalItemRequest } from './approve-approval-item.ts';
import { approveApprovalItemsInBulk } from './approve-approval-items-in-bulk.ts';
import { workItemCache } from './cache.ts';
import { completeWorkItem } from './complete-work-item.ts';
import { completedWorkItemsQueryOptions } from './get-completed-work-items.ts';
import { getCountCompletedWorkItems } from './get-count-completed-work-items.ts';
import { getCountWorkItems } from './get-count-work-items.ts';
import { useWorkItem } from './get-work-item.ts';
import { getWorkItemsSummary } from './get-work-items-summary.ts';
import { workItemKeys } from './keys.ts';
import { listWorkItems, workItemsQueryOptions } from './list-work-items.ts';
import { rejectApprovalItemRequest } from './reject-approval-item.ts';
import { rejectApprovalItemsInBulk } from './reject-approval-items-in-bulk.ts';
import { sendWorkItemForward, sendWorkItemForwardRequest } from './send-work-item-forward.ts';
import { useSubmitAccountSelection } from './submit-account-selection.ts';

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

/** The error a call ended with, as an ApiError carrying the server's diagnostics. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('queries', () => {
  it('a page of the pending list with X-Total-Count; a non-admin asking for another owner → 403', async () => {
    const { result } = render(() => useQuery(workItemsQueryOptions({ limit: 5, offset: 0 })));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.items).toHaveLength(5);
    expect(result.current.data!.total).toBe(aliceItems.length);
    expect(result.current.data!.items.every((i) => i.ownerId === IDS.alice)).toBe(true);
    expectApiError(await failure(listWorkItems({ ownerId: IDS.bob, limit: 5, offset: 0 })), 403, '403 Forbidden');
  });

  it('a page of completed items; 403 for another owner', async () => {
    const { result } = render(() => useQuery(completedWorkItemsQueryOptions({ limit: 3, offset: 0 })));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.total).toBeGreaterThanOrEqual(result.current.data!.items.length);
    expect(result.current.data!.items.every((i) => i.state !== 'Pending')).toBe(true);
    const other = render(() => useQuery(completedWorkItemsQueryOptions({ ownerId: IDS.carol, limit: 3, offset: 0 })));
    await waitFor(() => expect(other.result.current.isError).toBe(true));
    expectApiError(other.result.current.error, 403, '403 Forbidden');
  });

  it('counts {count} and the summary agree; 403 for another owner', async () => {
    expect(await getCountWorkItems({})).toEqual({ count: aliceItems.length });
    expect((await getCountCompletedWorkItems({})).count).toBeGreaterThanOrEqual(0);
    const summary = await getWorkItemsSummary({});
    expect(summary.open).toBe(aliceItems.length);
    expect(summary.total).toBe(summary.open + summary.completed);
    for (const call of [getCountWorkItems, getCountCompletedWorkItems, getWorkItemsSummary]) {
      expectApiError(await failure(call({ ownerId: IDS.bob })), 403, '403 Forbidden');
    }
  });

  it("useWorkItem: shows a cached list page's copy at once, then the full item; 404 for an unknown id", async () => {
    const list = render(() => useQuery(workItemsQueryOptions({ limit: 5, offset: 0 })));
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

describe('decisions and the cache', () => {
  it('approve: the answer is written into the detail cache; the lists are marked stale, refetched on refresh', async () => {
    const item = pendingWith((i) => approvals(i) >= 3)[0]!;
    const approvalItemId = item.approvalItems![0]!.id!;
    const list = render(() => useQuery(workItemsQueryOptions({ limit: 250, offset: 0 })));
    const detail = render(() => useWorkItem(item.id));
    await waitFor(() => expect(list.result.current.isSuccess && !detail.result.current.isPlaceholderData).toBe(true));
    const listFetchedAt = list.result.current.dataUpdatedAt;

    const request = approveApprovalItemRequest({ workItemId: item.id, approvalItemId }, 'x');
    act(() => workItemCache.shown(client, request));
    const answer = await approveApprovalItem({ workItemId: item.id, approvalItemId });
    await act(() => workItemCache.settled(client, [request], [answer]));
    const cached = client.getQueryData<WorkItem>(workItemKeys.detail(item.id))!;
    expect(cached.approvalItems!.find((a) => a.id === approvalItemId)!.state).toBe('Finished');
    expect(cached.state).toBe('Pending'); // other approval items are still pending
    expect(client.getQueryState(workItemsQueryOptions({ limit: 250, offset: 0 }).queryKey)?.isInvalidated).toBe(true);
    expect(list.result.current.dataUpdatedAt).toBe(listFetchedAt); // not refetched per decision
    await act(() => workItemCache.refresh(client, [IDS.alice]));
    await waitFor(() => expect(list.result.current.dataUpdatedAt).toBeGreaterThan(listFetchedAt));
  });

  it('reject: shown at once, put back when undone; a second decision on the same item is refused (400)', async () => {
    const item = pendingWith((i) => approvals(i) >= 3)[1]!;
    const approvalItemId = item.approvalItems![0]!.id!;
    const detail = render(() => useWorkItem(item.id));
    // read `data` here as a page would: useQuery re-renders only for the properties that were read
    await waitFor(() =>
      expect(!detail.result.current.isPlaceholderData && detail.result.current.data?.id).toBe(item.id),
    );
    const stateOf = (data: WorkItem | undefined) => data?.approvalItems?.find((a) => a.id === approvalItemId)?.state;
    const request = rejectApprovalItemRequest({ workItemId: item.id, approvalItemId }, 'x');
    act(() => workItemCache.shown(client, request));
    await waitFor(() => expect(stateOf(detail.result.current.data)).toBe('Rejected'));
    act(() => workItemCache.restored(client, request));
    await waitFor(() => expect(stateOf(detail.result.current.data)).toBe('Pending'));

    await approveApprovalItem({ workItemId: item.id, approvalItemId });
    const error = await failure(approveApprovalItem({ workItemId: item.id, approvalItemId }));
    expectApiError(error, 400, '400.1 Bad Request Content');
    expect((error as ApiError).message).toMatch(/already decided/);
  });

  it('approve / reject in bulk complete the item; 404 for an unknown id', async () => {
    const [first, second] = pendingWith((i) => approvals(i) === 2);
    expect((await approveApprovalItemsInBulk({ workItemId: first!.id })).state).toBe('Finished');
    const rejected = await rejectApprovalItemsInBulk({ workItemId: second!.id });
    expect(rejected.approvalItems!.every((a) => a.state === 'Rejected')).toBe(true);
    for (const call of [approveApprovalItemsInBulk, rejectApprovalItemsInBulk]) {
      expectApiError(await failure(call({ workItemId: UNKNOWN_ID })), 404, '404 Not found');
    }
  });

  it('mark complete completes a task; an item with pending approvals → 400', async () => {
    const task = pendingWith((i) => approvals(i) === 0 && !i.form)[0]!;
    expect((await completeWorkItem({ workItemId: task.id })).state).toBe('Finished');
    const withApprovals = pendingWith((i) => approvals(i) >= 4)[0]!;
    const error = await failure(completeWorkItem({ workItemId: withApprovals.id }));
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
      result.current.mutateAsync({ workItemId: other!.id, selection: { notAField: 'x' } }).catch((e: unknown) => e),
    );
    expectApiError(error, 400, '400.1 Bad Request Content');
    expect((error as ApiError).causes.join(' ')).toMatch(/notAField/);
  });

  it("forward hands the item to bob: the row leaves, both owners' lists are stale; same owner → 400", async () => {
    const item = pendingWith((i) => approvals(i) === 1)[0]!;
    const list = render(() => useQuery(workItemsQueryOptions({ limit: 250, offset: 0 })));
    await waitFor(() => expect(list.result.current.data?.items.some((i) => i.id === item.id)).toBe(true));
    const detail = render(() => useWorkItem(item.id));
    await waitFor(() => expect(detail.result.current.isSuccess && !detail.result.current.isPlaceholderData).toBe(true));
    detail.unmount(); // the page navigates away after forwarding

    const vars = { workItemId: item.id, targetOwnerId: IDS.bob, comment: 'Bob knows this system' };
    const answer = await sendWorkItemForward(vars);
    await act(() => workItemCache.settled(client, [sendWorkItemForwardRequest(vars, 'x')], [answer]));
    expect(client.getQueryState(workItemsQueryOptions({ limit: 250, offset: 0 }).queryKey)?.isInvalidated).toBe(true);
    // v3 answers forward with an empty 200: the cached detail (still naming alice) is marked stale, not refetched
    expect(client.getQueryState(workItemKeys.detail(item.id))?.isInvalidated).toBe(true);
    await act(() => workItemCache.refresh(client, [IDS.alice]));
    await waitFor(() => expect(list.result.current.data!.items.some((i) => i.id === item.id)).toBe(false));

    const another = pendingWith((i) => approvals(i) === 1)[1]!;
    const error = await failure(
      sendWorkItemForward({ workItemId: another.id, targetOwnerId: IDS.alice, comment: 'to myself' }),
    );
    expectApiError(error, 400, '400.1 Bad Request Content');
    // someone else's item (now bob's) → 403
    const forbidden = await failure(
      sendWorkItemForward({ workItemId: item.id, targetOwnerId: IDS.carol, comment: 'x' }),
    );
    expectApiError(forbidden, 403, '403 Forbidden');
  });
});

describe('as an admin', () => {
  beforeAll(async () => {
    await api.signInAs('ada.admin');
  });

  it("reads another owner's lists, counts and summary under that owner's keys", async () => {
    const list = render(() => useQuery(workItemsQueryOptions({ ownerId: IDS.bob, limit: 10, offset: 0 })));
    await waitFor(() => expect(list.result.current.isSuccess).toBe(true));
    const count = await getCountWorkItems({ ownerId: IDS.bob });
    const summary = await getWorkItemsSummary({ ownerId: IDS.bob });
    expect(list.result.current.data!.items.every((i) => i.ownerId === IDS.bob)).toBe(true);
    expect(list.result.current.data!.total).toBe(count.count);
    expect(summary.open).toBe(count.count);
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
