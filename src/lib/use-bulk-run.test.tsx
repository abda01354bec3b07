// useBulkRun against the real server: one call per item, a result each in run order, and a run the session expires
// in the middle of stops there and keeps what is left for a resume.
import { act, renderHook } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { newQueryClient, startApiServer, wrapperFor, type ApiTestServer } from '../test/api-server.tsx';
import type { WorkItem } from '../../contract/work-items.ts';
import { signOut } from './session/session.ts';
import { approveApprovalItemsInBulk } from '../features/work-items/api/approve-approval-items-in-bulk.ts';
import { listWorkItems } from '../features/work-items/api/list-work-items.ts';
import { pendingApprovalItems } from '../features/work-items/rules.ts';
import { readBulkResume, SESSION_EXPIRED_MESSAGE, useBulkRun, type BulkResult } from './use-bulk-run.ts';

let api: ApiTestServer;
let items: WorkItem[];

beforeAll(async () => {
  api = await startApiServer();
  await api.signInAs('bob.approver');
  items = (await listWorkItems({ limit: 250, offset: 0 })).items.filter((w) => pendingApprovalItems(w).length > 0);
});
afterAll(() => api?.close());
beforeEach(() => sessionStorage.clear());

function runner(resume?: { key: string; meta: { decision: string }; identityId?: string }) {
  const reported: BulkResult[] = [];
  const { result } = renderHook(() => useBulkRun<WorkItem>({ onItemDone: (r) => reported.push(r), resume }), {
    wrapper: wrapperFor(newQueryClient()),
  });
  return { result, reported };
}

it('sends one call per item, returns the results in run order and reports each outcome as it happens', async () => {
  const [a, b] = items.splice(0, 2);
  const { result, reported } = runner();
  expect(result.current.phase).toBe('confirm');
  const done = await act(() =>
    result.current.run([a, b], (item) => approveApprovalItemsInBulk({ workItemId: item.id })),
  );
  expect(done.map((r) => [r.id, r.ok])).toEqual([
    [a.id, true],
    [b.id, true],
  ]);
  // reported as each answer arrives (several are in flight at once, so possibly in another order)
  const byId = (x: BulkResult, y: BulkResult) => x.id.localeCompare(y.id);
  expect([...reported].sort(byId)).toEqual([...done].sort(byId));
  expect(result.current.phase).toBe('done');
  expect(result.current.succeeded).toBe(2);
  // a second run of the same items fails item by item with the server's reason (already completed)
  const again = await act(() => result.current.run([a], (item) => approveApprovalItemsInBulk({ workItemId: item.id })));
  expect(again[0]).toMatchObject({ id: a.id, ok: false });
  expect(again[0].message).toMatch(/already completed/);
});

it('a 401 stops the run: that item and the rest are reported undone and kept for a resume', async () => {
  const [a, b, c] = items.splice(0, 3);
  const { result } = runner({ key: 'bulk-resume.test', meta: { decision: 'approve' }, identityId: 'bob' });
  const done = await act(() =>
    result.current.run([a, b, c], async (item) => {
      // The calls run side by side: a is answered first, then the session ends and b is refused; c, still in
      // flight when that happens, is refused too.
      if (item.id === b.id) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await signOut();
      }
      if (item.id === c.id) await new Promise((resolve) => setTimeout(resolve, 400));
      return approveApprovalItemsInBulk({ workItemId: item.id });
    }),
  );
  expect(done.map((r) => [r.id, r.ok])).toEqual([
    [a.id, true],
    [b.id, false],
    [c.id, false],
  ]);
  expect(done[1].message).toBe(SESSION_EXPIRED_MESSAGE);
  const kept = readBulkResume<{ decision: string }>('bulk-resume.test');
  expect(kept).toMatchObject({ identityId: 'bob', meta: { decision: 'approve' }, succeeded: 1 });
  expect(kept!.remaining.map((r) => r.id)).toEqual([b.id, c.id]);
  await api.signInAs('bob.approver');
});
