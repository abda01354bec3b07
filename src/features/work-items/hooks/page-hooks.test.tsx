// The hooks the work-item pages are composed of, against the real server and its sandbox: the next page fetched
// ahead, the approval-item decisions of the detail page, and the inbox's selection with its bulk decisions.
import { act, renderHook, waitFor } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http.ts';
import { storageKey } from '../../../lib/storage.ts';
import { newQueryClient, startApiServer, wrapperFor, type ApiTestServer } from '../../../test/api-server.tsx';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { getCountWorkItems, workItemsCountQueryOptions } from '../api/get-count-work-items.ts';
import { findCachedWorkItem, getWorkItem, workItemQueryOptions } from '../api/get-work-item.ts';
import { listWorkItems, useWorkItems, workItemsQueryOptions } from '../api/list-work-items.ts';
import { usePrefetchNextPage } from '../api/use-paged-query.ts';
import { workItemRow } from '../api/queue-row.ts';
import { approvalItemLabel, pendingApprovalItems } from '../rules.ts';
import { QUIET_MS, useApprovalDecisions } from './use-approval-decisions.ts';
import { flushHeld } from '../../../lib/held.ts';
import { useBulkDecisions } from './use-bulk-decisions.ts';

let api: ApiTestServer;
let client: QueryClient;
let items: WorkItem[];
const used = new Set<string>();

/** An untouched pending approval work item of alice's with at least `n` pending approval items. */
function take(n: number): WorkItem {
  const item = items.find((w) => !used.has(w.id) && w.state === 'Pending' && pendingApprovalItems(w).length >= n);
  if (!item) throw new Error(`no work item with ${n} pending approval items left`);
  used.add(item.id);
  return item;
}

function render<T>(hook: () => T) {
  return renderHook(hook, { wrapper: wrapperFor(client) });
}

const posts = (path: string) => api.requests.filter((r) => r.method === 'POST' && r.url.startsWith(path));

beforeAll(async () => {
  api = await startApiServer();
  await api.signInAs('alice.approver');
  items = (await listWorkItems({ limit: 250, offset: 0 })).items;
});
afterAll(() => api?.close());
beforeEach(() => {
  client = newQueryClient();
  sessionStorage.clear();
});

describe('usePrefetchNextPage', () => {
  it('fetches the page after this one once the total is known, and nothing past the last page', async () => {
    const total = items.length;
    const { rerender } = renderHook(
      ({ offset, known }) => usePrefetchNextPage(workItemsQueryOptions, { limit: 5, offset }, known),
      { wrapper: wrapperFor(client), initialProps: { offset: 0, known: undefined as number | undefined } },
    );
    await api.settled();
    expect(client.getQueryData(workItemsQueryOptions({ limit: 5, offset: 5 }).queryKey)).toBeUndefined();

    rerender({ offset: 0, known: total });
    await waitFor(() =>
      expect(client.getQueryData(workItemsQueryOptions({ limit: 5, offset: 5 }).queryKey)).toBeDefined(),
    );
    expect(client.getQueryData(workItemsQueryOptions({ limit: 5, offset: 5 }).queryKey)!.items).toHaveLength(5);

    const last = Math.floor((total - 1) / 5) * 5;
    await api.settled();
    api.requests.length = 0;
    rerender({ offset: last, known: total });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await api.settled();
    expect(api.requests.filter((r) => r.url.startsWith('/v3/work-items?'))).toEqual([]);
  });

  it('the cache tells pages from counts: a cached count is never read as a page', async () => {
    const item = items[0];
    client.setQueryData(workItemsCountQueryOptions().queryKey, await getCountWorkItems({}));
    expect(findCachedWorkItem(client, item.id)).toBeUndefined();
    client.setQueryData(workItemsQueryOptions({ limit: 250, offset: 0 }).queryKey, { items, total: items.length });
    expect(findCachedWorkItem(client, item.id)?.id).toBe(item.id);
  });
});

describe('useApprovalDecisions', () => {
  it('one decision is sent once however fast the clicks, shows as busy, and lands on the server', async () => {
    const item = take(2);
    client.setQueryData(workItemQueryOptions(item.id).queryKey, item);
    const a = pendingApprovalItems(item)[0];
    const { result } = render(() => useApprovalDecisions(item));
    await api.settled();
    api.requests.length = 0;
    act(() => {
      result.current.decideOne(a, 'approve');
      result.current.decideOne(a, 'approve');
    });
    // the undo window: nothing is sent until it ends (here: at once)
    expect(posts(`/v3/work-items/${item.id}/approve/${a.id}`)).toHaveLength(0);
    act(() => flushHeld());
    expect(result.current.store.get(a.id)).toBe('approve');
    await waitFor(() => expect(result.current.store.any()).toBe(false));
    await api.settled();
    expect(posts(`/v3/work-items/${item.id}/approve/${a.id}`)).toHaveLength(1);
    expect(result.current.error).toBeNull();
    const saved = await getWorkItem(item.id);
    expect(saved.approvalItems?.find((x) => x.id === a.id)?.state).toBe('Finished');
  });

  it("a refused decision becomes the section's error with a retry; all the rest is decided after confirming", async () => {
    const item = take(3);
    const [first] = pendingApprovalItems(item);
    client.setQueryData(workItemQueryOptions(item.id).queryKey, item);
    const { result } = render(() => useApprovalDecisions(item));
    act(() => {
      result.current.decideOne(first, 'approve');
      flushHeld();
    });
    await waitFor(() => expect(result.current.store.any()).toBe(false));
    // deciding it again: the server refuses (already decided), and the section says which one failed
    act(() => {
      result.current.decideOne(first, 'reject');
      flushHeld();
    });
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error!.title).toBe(`Rejecting ${approvalItemLabel(first)} failed`);
    expect(result.current.error!.error).toBeInstanceOf(ApiError);
    expect((result.current.error!.error as ApiError).status).toBe(400);

    act(() => result.current.ask('reject'));
    expect(result.current.confirm).toBe('reject');
    act(() => result.current.decideAll('reject'));
    await waitFor(() => expect(result.current.bulkRunning).toBe(false));
    await waitFor(() => expect(result.current.confirm).toBeNull());
    expect(result.current.error).toBeNull();
    const saved = await getWorkItem(item.id);
    expect(pendingApprovalItems(saved)).toEqual([]);
    expect(saved.approvalItems?.find((x) => x.id === first.id)?.state).toBe('Finished');
  });
});

describe('useApprovalDecisions and the lists', () => {
  it('a single decision leaves the lists stale (no refetch per click) and refreshes them after a quiet moment', async () => {
    const item = take(2);
    client.setQueryData(workItemQueryOptions(item.id).queryKey, item);
    const [first, second] = pendingApprovalItems(item);
    // the detail page's "Next item" list, mounted
    const list = render(() => useWorkItems({ limit: 25, offset: 0 }));
    await waitFor(() => expect(list.result.current.isSuccess).toBe(true));
    const { result } = render(() => useApprovalDecisions(item));
    await api.settled();
    api.requests.length = 0;
    // the page on screen (a decision that completes the work item changes the total, and the page after it is then
    // fetched ahead: that is paging, not a refetch of the list the decision changed)
    const listGets = () =>
      api.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/v3/work-items?limit=25&offset=0&'));

    act(() => {
      result.current.decideOne(first, 'approve');
      flushHeld();
    });
    await waitFor(() => expect(result.current.store.any()).toBe(false));
    act(() => {
      result.current.decideOne(second, 'reject');
      flushHeld();
    });
    await waitFor(() => expect(result.current.store.any()).toBe(false));
    await api.settled();
    expect(listGets(), 'no list refetch per decision').toEqual([]);
    expect(client.getQueryState(workItemsQueryOptions({ limit: 25, offset: 0 }).queryKey)?.isInvalidated).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 300));
    await api.settled();
    expect(listGets(), 'one refresh after the quiet moment').toHaveLength(1);
  });
});

describe('useBulkDecisions', () => {
  it('selected items that can be decided go to the dialog; a success leaves the selection and is never offered again', async () => {
    const [one, two] = [take(1), take(1)];
    const rows = [one, two].map(workItemRow);
    const { result } = render(() => useBulkDecisions(undefined, rows));
    act(() => result.current.selection.setMany([one.id, two.id], true));
    expect(result.current.decidable.map((i) => i.id)).toEqual([one.id, two.id]);
    act(() => result.current.start('approve'));
    expect(result.current.bulk).toMatchObject({ decision: 'approve', skipped: 0 });
    expect(result.current.bulk!.items.map((i) => i.id)).toEqual([one.id, two.id]);
    expect(result.current.bulk!.items.map((i) => i.pendingCount)).toEqual(rows.map((r) => r.pendingCount));

    act(() => {
      result.current.onItemDone({ id: one.id, name: one.name ?? one.id, ok: true });
      result.current.onItemDone({ id: two.id, name: two.name ?? two.id, ok: false, message: 'Refused' });
    });
    // applied together, a frame later
    await waitFor(() => expect([...result.current.selection.selected]).toEqual([two.id]));
    expect(result.current.failures.get(two.id)).toBe('Refused');
    // the success stays out even if it is selected again from a stale list
    act(() => result.current.selection.setMany([one.id], true));
    expect(result.current.decidable.map((i) => i.id)).toEqual([two.id]);
    act(() => result.current.onBulkClose([]));
    expect(result.current.bulk).toBeNull();
  });

  it('a run the session cut short is offered to the same identity only, and resumes with what was left', async () => {
    const [one, two] = [take(1), take(1)];
    const { result: who } = render(() => useBulkDecisions(undefined, []));
    await waitFor(() => expect(who.current.identityId).toBeDefined());
    const resume = (identityId: string) =>
      JSON.stringify({
        identityId,
        meta: { decision: 'reject' },
        remaining: [
          { id: one.id, name: 'first' },
          { id: two.id, name: 'second' },
        ],
        succeeded: 1,
        at: new Date().toISOString(),
      });

    sessionStorage.setItem(storageKey('bulk-resume.me'), resume('someone-else'));
    const other = render(() => useBulkDecisions(undefined, [one, two].map(workItemRow)));
    await waitFor(() => expect(other.result.current.identityId).toBeDefined());
    expect(other.result.current.resumable).toBeNull();
    other.unmount();

    sessionStorage.setItem(storageKey('bulk-resume.me'), resume(who.current.identityId!));
    const oneRow = workItemRow(one);
    const { result } = render(() => useBulkDecisions(undefined, [oneRow]));
    await waitFor(() => expect(result.current.resumable).not.toBeNull());
    expect(result.current.resumable!.remaining.map((r) => r.id)).toEqual([one.id, two.id]);
    act(() => result.current.resume());
    expect(result.current.bulk).toMatchObject({ decision: 'reject', autoStart: true });
    // the item in the queue as it is; the other by what the run kept of it
    expect(result.current.bulk!.items).toEqual([
      { id: one.id, name: oneRow.name, pendingCount: oneRow.pendingCount, kind: oneRow.kind, ownerId: oneRow.ownerId },
      { id: two.id, name: 'second', pendingCount: 0 },
    ]);
    expect(result.current.resumable).toBeNull();
    expect(sessionStorage.getItem(storageKey('bulk-resume.me'))).toBeNull();
  });
});
