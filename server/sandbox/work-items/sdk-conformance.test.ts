// The official SailPoint TypeScript SDK, which nobody here wrote, drives the sandbox through all 13 work-item
// operations and public identities: proof that the sandbox speaks the real protocol (paths, verbs, bodies,
// the multipart token request, the /v3 prefix the SDK appends to baseurl).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Configuration, PublicIdentitiesApi, WorkItemsApi } from 'sailpoint-api-client';
import type { WorkItems } from 'sailpoint-api-client';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ALICE, BOB } from '../identities.ts';

let server: TestServer;
let api: WorkItemsApi;
let people: PublicIdentitiesApi;

function sdkConfig(url: string, clientId: string) {
  return new Configuration({
    baseurl: url,
    tokenUrl: `${url}/oauth/token`,
    clientId,
    clientSecret: 'sandbox-secret',
  });
}

beforeAll(async () => {
  server = await startTestServer();
  // The SDK asks for its token inside the constructor: build it only once the server listens.
  const config = sdkConfig(server.url, 'alice.approver');
  api = new WorkItemsApi(config);
  people = new PublicIdentitiesApi(config);
});

afterAll(async () => {
  await server?.close();
});

async function pendingOfType(predicate: (w: WorkItems) => boolean): Promise<WorkItems> {
  const { data } = await api.listWorkItems({ limit: 250 });
  const found = data.find(predicate);
  if (!found) throw new Error('no matching seeded item');
  return found;
}

describe('official SDK against the sandbox', () => {
  it('lists, counts and summarises consistently', async () => {
    const list = await api.listWorkItems({ limit: 250, count: true });
    expect(list.status).toBe(200);
    expect(list.data.length).toBeGreaterThanOrEqual(40);
    expect(Number(list.headers['x-total-count'])).toBe(list.data.length);
    expect(list.data.every((w) => w.ownerId === ALICE.id && w.state === 'Pending')).toBe(true);

    const completed = await api.getCompletedWorkItems({ limit: 250, count: true });
    expect(completed.data.length).toBeGreaterThanOrEqual(25);
    expect(completed.data.every((w) => w.state !== 'Pending' && w.completed)).toBe(true);

    const count = await api.getCountWorkItems();
    const completedCount = await api.getCountCompletedWorkItems();
    const summary = await api.getWorkItemsSummary();
    expect(count.data.count).toBe(list.data.length);
    expect(completedCount.data.count).toBe(completed.data.length);
    expect(summary.data).toEqual({
      open: list.data.length,
      completed: completed.data.length,
      total: list.data.length + completed.data.length,
    });
  });

  it('gets one work item', async () => {
    const first = (await api.listWorkItems({ limit: 1 })).data[0];
    const { data } = await api.getWorkItem({ id: first.id! });
    expect(data.id).toBe(first.id);
    expect(data.ownerName).toBe('Alice Approver');
  });

  it('approves and rejects single approval items; the item completes when none is pending', async () => {
    const item = await pendingOfType((w) => w.type === 'Approval' && (w.approvalItems?.length ?? 0) === 2);
    const [a, b] = item.approvalItems!;
    const afterApprove = await api.approveApprovalItem({ id: item.id!, approvalItemId: a.id! });
    expect(afterApprove.data.approvalItems!.find((x) => x.id === a.id)!.state).toBe('Finished');
    expect(afterApprove.data.state).toBe('Pending');
    const afterReject = await api.rejectApprovalItem({ id: item.id!, approvalItemId: b.id! });
    expect(afterReject.data.approvalItems!.find((x) => x.id === b.id)!.state).toBe('Rejected');
    expect(afterReject.data.state).toBe('Finished');
    expect(afterReject.data.completed).toBeTruthy();
  });

  it('approves and rejects in bulk', async () => {
    const one = await pendingOfType((w) => w.type === 'Approval' && (w.approvalItems?.length ?? 0) >= 3);
    const approved = await api.approveApprovalItemsInBulk({ id: one.id! });
    expect(approved.data.state).toBe('Finished');
    expect(approved.data.approvalItems!.every((x) => x.state === 'Finished')).toBe(true);

    const two = await pendingOfType((w) => w.type === 'Approval' && (w.approvalItems?.length ?? 0) >= 2);
    const rejected = await api.rejectApprovalItemsInBulk({ id: two.id! });
    expect(rejected.data.state).toBe('Rejected');
    expect(rejected.data.approvalItems!.every((x) => x.state === 'Rejected')).toBe(true);
  });

  it('completes a manual task (with and without a body)', async () => {
    const task = await pendingOfType((w) => w.type === 'Generic');
    const done = await api.completeWorkItem({ id: task.id! });
    expect(done.data.state).toBe('Finished');
    const other = await pendingOfType((w) => w.type === 'Remediation');
    const done2 = await api.completeWorkItem({ id: other.id!, body: 'removed by hand' });
    expect(done2.data.state).toBe('Finished');
  });

  it('submits an account selection', async () => {
    const form = await pendingOfType((w) => w.type === 'Form' && JSON.stringify(w.form).includes('"workdayAccount"'));
    const field = (form.form as { sections: { formItems: { allowedValuesList: { value: string }[] }[] }[] }).sections[0]
      .formItems[0];
    const choice = field.allowedValuesList[17].value;
    const { data } = await api.submitAccountSelection({ id: form.id!, requestBody: { workdayAccount: choice } });
    expect(data.state).toBe('Finished');
    expect(JSON.stringify(data.form)).toContain(`"value":"${choice}"`);
  });

  it('forwards a work item to another identity', async () => {
    const item = await pendingOfType((w) => w.type === 'Approval');
    const res = await api.sendWorkItemForward({
      id: item.id!,
      workItemForward: { targetOwnerId: BOB.id, comment: 'Bob owns this application', sendNotifications: false },
    });
    expect(res.status).toBe(200);
    const bob = new WorkItemsApi(sdkConfig(server.url, 'bob.approver'));
    const moved = await bob.getWorkItem({ id: item.id! });
    expect(moved.data.ownerId).toBe(BOB.id);
    const mine = await api.listWorkItems({ limit: 250 });
    expect(mine.data.some((w) => w.id === item.id)).toBe(false);
  });

  it('searches public identities', async () => {
    const { data, headers } = await people.getPublicIdentities({
      filters: 'alias sw "bob" or firstname eq "Carol"',
      sorters: 'name',
      count: true,
    });
    expect(data.map((p) => p.alias)).toEqual(['bob.approver', 'carol.approver']);
    expect(headers['x-total-count']).toBe('2');
  });

  it('surfaces the sandbox errors as the SDK expects them', async () => {
    await expect(api.getWorkItem({ id: '0'.repeat(32) })).rejects.toMatchObject({ response: { status: 404 } });
    await expect(api.listWorkItems({ ownerId: BOB.id })).rejects.toMatchObject({ response: { status: 403 } });
  });
});
