// The one rule for single decisions and the selection's bulk decisions, against the real server and its sandbox,
// through the real registry of kinds: a decision is shown at once, held (nothing sent), then sent exactly once;
// a refused one becomes an error with a retry and is put back; "… all" asks first when it decides several; the
// lists are not refetched per decision but once decisions pause; the selection keeps each row's scope, hands the
// dialog exact targets, and a run the session cut short is offered again to the same identity only.
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { flushHeld, heldCount, heldRequests } from '../../../lib/held.ts';
import { ApiError } from '../../../lib/http.ts';
import { storageKey } from '../../../lib/storage.ts';
import { kindsWrapper } from '../../../test/kinds.tsx';
import { newQueryClient, startApiServer, type ApiTestServer } from '../../../test/api-server.tsx';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { getWorkItem, workItemQueryOptions } from '../../work-items/api/get-work-item.ts';
import { listWorkItems, workItemsQueueQueryOptions } from '../../work-items/api/list-work-items.ts';
import { workItemRow } from '../../work-items/api/queue-row.ts';
import { useApprovalDecisions } from '../../work-items/hooks/use-approval-decisions.ts';
import { approvalItemLabel, pendingApprovalItems } from '../../work-items/rules.ts';
import type { QueueData } from '../../../lib/queue/stream.ts';
import { useQueueList } from '../list/use-queue-list.ts';
import { useBulkDecisions } from '../selection/use-bulk-decisions.ts';
import { QUIET_MS } from './engine.ts';
import { useAct } from './use-act.tsx';

let api: ApiTestServer;
let client: QueryClient;
let items: WorkItem[];
const used = new Set<string>();

/** An untouched pending approval work item of alice's with at least (`exactly`: just) `n` pending approval items. */
function take(n: number, exactly = false): WorkItem {
  const fits = (count: number) => (exactly ? count === n : count >= n);
  const item = items.find((w) => !used.has(w.id) && w.state === 'Pending' && fits(pendingApprovalItems(w).length));
  if (!item) throw new Error(`no work item with ${n} pending approval items left`);
  used.add(item.id);
  return item;
}

const posts = (path: string) => api.requests.filter((r) => r.method === 'POST' && r.url.startsWith(path));

/** The detail page's decisions through the one rule, with the question it may ask rendered as the page would. */
function renderDecisions(item: WorkItem) {
  const current: { value?: ReturnType<typeof useApprovalDecisions> } = {};
  function Harness() {
    const { act: perform, dialog } = useAct();
    current.value = useApprovalDecisions(item, perform, undefined);
    return <>{dialog}</>;
  }
  render(<Harness />, { wrapper: kindsWrapper(client) });
  return current as { value: ReturnType<typeof useApprovalDecisions> };
}

/** Waits for the decision to be held (the engine loads with the first one), then sends it. */
async function sendHeld() {
  await waitFor(() => expect(heldCount()).toBe(1));
  act(() => flushHeld());
  // the outbox has had its answer: taken (gone) or refused (failed, no longer pending)
  await waitFor(() => expect(heldRequests()).toEqual([]));
}

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

describe('a single decision', () => {
  it('is shown at once and held (nothing sent), then sent once however fast the clicks', async () => {
    const item = take(2);
    client.setQueryData(workItemQueryOptions(item.id).queryKey, item);
    const a = pendingApprovalItems(item)[0];
    const decisions = renderDecisions(item);
    await api.settled();
    api.requests.length = 0;
    act(() => {
      decisions.value.decideOne(a, 'approve');
      decisions.value.decideOne(a, 'approve');
    });
    await waitFor(() =>
      expect(client.getQueryData(workItemQueryOptions(item.id).queryKey)?.approvalItems?.[0]?.state).toBe('Finished'),
    );
    expect(posts(`/v3/work-items/${item.id}/approve/${a.id}`)).toHaveLength(0);
    await sendHeld();
    await waitFor(() => expect(decisions.value.store.any()).toBe(false));
    await api.settled();
    expect(posts(`/v3/work-items/${item.id}/approve/${a.id}`)).toHaveLength(1);
    expect(decisions.value.error).toBeNull();
    const saved = await getWorkItem(item.id);
    expect(saved.approvalItems?.find((x) => x.id === a.id)?.state).toBe('Finished');
  });

  it("a refused decision becomes the section's error with a retry; all the rest is decided after confirming", async () => {
    const item = take(3);
    const [first] = pendingApprovalItems(item);
    client.setQueryData(workItemQueryOptions(item.id).queryKey, item);
    const decisions = renderDecisions(item);
    act(() => decisions.value.decideOne(first, 'approve'));
    await sendHeld();
    await waitFor(() => expect(decisions.value.store.any()).toBe(false));
    // deciding it again: the server refuses (already decided), and the section says which one failed
    act(() => decisions.value.decideOne(first, 'reject'));
    await sendHeld();
    await waitFor(() => expect(decisions.value.error).not.toBeNull());
    expect(decisions.value.error!.title).toBe(`Rejecting ${approvalItemLabel(first)} failed`);
    expect(decisions.value.error!.error).toBeInstanceOf(ApiError);
    expect((decisions.value.error!.error as ApiError).status).toBe(400);

    // "Reject all" decides several: it asks first, naming how many
    act(() => decisions.value.decideAll('reject'));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    expect(dialog).toHaveTextContent(`Reject all 3 pending approval items of “${item.name}”?`);
    await userEvent.click(screen.getByRole('button', { name: 'Reject 3 approval items' }));
    await sendHeld();
    await waitFor(async () => expect(pendingApprovalItems(await getWorkItem(item.id))).toEqual([]));
    const saved = await getWorkItem(item.id);
    expect(saved.approvalItems?.find((x) => x.id === first.id)?.state).toBe('Finished');
  });

  it('leaves the lists stale (no refetch per decision) and refreshes them once decisions pause', async () => {
    const item = take(2, true);
    client.setQueryData(workItemQueryOptions(item.id).queryKey, item);
    const [first, second] = pendingApprovalItems(item);
    const list = renderHook(() => useQuery(workItemsQueueQueryOptions({ bound: 10_000 })), {
      wrapper: kindsWrapper(client),
    });
    await waitFor(() => expect(list.result.current.data?.complete).toBe(true));
    const decisions = renderDecisions(item);
    await api.settled();
    api.requests.length = 0;
    const listGets = () => api.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/v3/work-items?'));

    act(() => decisions.value.decideOne(first, 'approve'));
    await sendHeld();
    await waitFor(() => expect(decisions.value.store.any()).toBe(false));
    act(() => decisions.value.decideOne(second, 'reject'));
    await sendHeld();
    await waitFor(() => expect(decisions.value.store.any()).toBe(false));
    await api.settled();
    expect(listGets(), 'no list refetch per decision').toEqual([]);
    // the decided work item left the queue on screen at once
    expect(list.result.current.data!.rows.some((r) => r.id === item.id)).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 500));
    await waitFor(() => expect(list.result.current.isFetching).toBe(false));
    await api.settled();
    expect(listGets().length, 'one refresh after the quiet moment').toBe(1);
  });
});

describe('a decision the server took', () => {
  it('stays off the list when rows asked for before it arrive after it; rows asked for later are the server’s word', async () => {
    const item = take(2, true);
    client.setQueryData(workItemQueryOptions(item.id).queryKey, item);
    const list = renderHook(() => useQueueList('pending'), { wrapper: kindsWrapper(client) });
    const listed = () => list.result.current.rows.some((r) => r.id === item.id);
    await waitFor(() => expect(list.result.current.data?.complete).toBe(true), { timeout: 10_000 });
    await waitFor(() => expect(listed()).toBe(true));
    // the queue's rows as a refetch asked for now, before the decision is sent, would bring them
    const queue = client
      .getQueryCache()
      .findAll()
      .find((q) => (q.state.data as QueueData | undefined)?.rows?.some((r) => r.id === item.id))!;
    const askedBefore: QueueData = { ...(queue.state.data as QueueData), askedAt: Date.now() };

    const decisions = renderDecisions(item);
    act(() => decisions.value.decideAll('approve'));
    await userEvent.click(await screen.findByRole('button', { name: 'Approve 2 approval items' }, { timeout: 10_000 }));
    await waitFor(() => expect(listed()).toBe(false));
    await sendHeld();
    expect(pendingApprovalItems(await getWorkItem(item.id))).toEqual([]);

    // that refetch lands after the answer: the item is in the cached rows, and still not on the list
    act(() => client.setQueryData(queue.queryKey, askedBefore));
    await waitFor(() => expect(list.result.current.data?.rows.some((r) => r.id === item.id)).toBe(true));
    expect(listed(), 'a decision taken must not come back with rows asked for before it').toBe(false);

    // rows asked for after the answer are the server's word (made up here: the sandbox no longer lists it)
    act(() => client.setQueryData(queue.queryKey, { ...askedBefore, askedAt: Date.now() + 1 }));
    await waitFor(() => expect(listed()).toBe(true));
  });
});

describe('useBulkDecisions', () => {
  it('selected rows go to the dialog with their scope; a success leaves the selection and is never offered again', async () => {
    const [one, two] = [take(1), take(2)];
    const rows = [one, two].map(workItemRow);
    const { result } = renderHook(() => useBulkDecisions(undefined, rows), { wrapper: kindsWrapper(client) });
    const scoped = [pendingApprovalItems(two)[1].id!];
    act(() => result.current.selection.setMany([one.id, two.id], true, new Map([[two.id, scoped]])));
    const approve = result.current.actions.find((a) => a.action.name === 'approve')!;
    expect(approve.rows.map((r) => r.id)).toEqual([one.id, two.id]);
    act(() => result.current.start('approve'));
    expect(result.current.bulk).toMatchObject({ action: 'approve', skipped: 0 });
    expect(result.current.bulk!.targets.map((t) => [t.id, t.subItemIds])).toEqual([
      [one.id, undefined],
      [two.id, scoped],
    ]);

    act(() => {
      result.current.onItemDone({ id: one.id, name: one.name ?? one.id, ok: true });
      result.current.onItemDone({ id: two.id, name: two.name ?? two.id, ok: false, message: 'Refused' });
    });
    // applied together, a frame later
    await waitFor(() => expect([...result.current.selection.selected]).toEqual([two.id]));
    expect(result.current.failures.get(two.id)).toBe('Refused');
    // the success stays out even if it is selected again from a stale list
    act(() => result.current.selection.setMany([one.id], true));
    expect(result.current.actions.find((a) => a.action.name === 'approve')!.rows.map((r) => r.id)).toEqual([two.id]);
    act(() => result.current.onBulkClose([]));
    expect(result.current.bulk).toBeNull();
  });

  it('a run the session cut short is offered to the same identity only, and resumes with what was left', async () => {
    const [one, two] = [take(1), take(1)];
    const { result: who } = renderHook(() => useBulkDecisions(undefined, []), { wrapper: kindsWrapper(client) });
    await waitFor(() => expect(who.current.identityId).toBeDefined());
    const resume = (identityId: string) =>
      JSON.stringify({
        identityId,
        meta: { action: 'reject', comment: 'quarterly' },
        remaining: [
          { id: `${one.id}|`, name: 'first' },
          { id: `${two.id}|sub-1`, name: 'second' },
        ],
        succeeded: 1,
        at: new Date().toISOString(),
      });

    sessionStorage.setItem(storageKey('bulk-resume.me'), resume('someone-else'));
    const other = renderHook(() => useBulkDecisions(undefined, [one, two].map(workItemRow)), {
      wrapper: kindsWrapper(client),
    });
    await waitFor(() => expect(other.result.current.identityId).toBeDefined());
    expect(other.result.current.resumable).toBeNull();
    other.unmount();

    sessionStorage.setItem(storageKey('bulk-resume.me'), resume(who.current.identityId!));
    const oneRow = workItemRow(one);
    const { result } = renderHook(() => useBulkDecisions(undefined, [oneRow]), { wrapper: kindsWrapper(client) });
    await waitFor(() => expect(result.current.resumable).not.toBeNull());
    act(() => result.current.resume());
    expect(result.current.bulk).toMatchObject({ action: 'reject', autoStart: { comment: 'quarterly' } });
    // the item in the queue as it is (whole); the other by what the run kept of it (the one sub-item left)
    expect(result.current.bulk!.targets.map((t) => [t.id, t.name, t.subItemIds])).toEqual([
      [one.id, oneRow.name, undefined],
      [two.id, 'second', ['sub-1']],
    ]);
    expect(result.current.resumable).toBeNull();
    expect(sessionStorage.getItem(storageKey('bulk-resume.me'))).toBeNull();
  });
});
