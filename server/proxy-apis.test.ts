// The tenant proxy in front of a second server's sandbox (the stand-in tenant): the Work Items API at both path
// families, the access-request approvals at both of theirs, the Approvals service at all four of its families and
// the access-request submission work through it with the cookie session, each operation reaching the tenant at
// its own path and method; with SAIL_WORK_ITEMS_API=v1 the page's /v3/work-items calls reach the tenant as
// /work-items/v1 (the tenant's own request log says so); and nothing outside the allow-list is forwarded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingApproval } from '../contract/access-requests.ts';
import type { AccessRequestResponse } from '../contract/access-request-submissions.ts';
import type { Approval, ApprovalConfig } from '../contract/generic-approvals.ts';
import type { WorkItem } from '../contract/work-items.ts';
import { catalogueItemNamed } from './sandbox/access-request-submissions/catalogue.ts';
import { ADA, ALICE, BOB, CAROL } from './sandbox/identities.ts';
import { startTestServer, type RecordedRequest, type TestServer } from './test/server.ts';
import { XHR, sessionCookieOf, signInRequest } from './test/http.ts';

const SECRET = 'proxy-apis-test-secret-0123456789abcdef0123456';

const upstreamLog: RecordedRequest[] = [];
let sandbox: TestServer;
let v3Proxy: TestServer;
let v1Proxy: TestServer;

beforeAll(async () => {
  // enough pending approvals on alice's desk for every family's round of decisions
  sandbox = await startTestServer(
    { SANDBOX_SEED_SCALE: '100' },
    { onResponse: (request) => upstreamLog.push(request) },
  );
  v3Proxy = await startTestServer({ SAIL_BASE_URL: sandbox.url, SESSION_SECRET: SECRET });
  v1Proxy = await startTestServer({
    SAIL_BASE_URL: sandbox.url,
    SESSION_SECRET: SECRET,
    SAIL_WORK_ITEMS_API: 'v1',
  });
});
afterAll(async () => {
  await v1Proxy?.close();
  await v3Proxy?.close();
  await sandbox?.close();
});

async function session(server: TestServer, alias: string) {
  const cookie = sessionCookieOf(await signInRequest(server.url, { clientId: alias, clientSecret: 'sandbox-secret' }));
  return async <T = unknown>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie,
        ...(method === 'GET' ? {} : XHR),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** The paths (without query) the tenant answered since `mark`. */
const upstreamPathsSince = (mark: number) => upstreamLog.slice(mark).map((r) => r.url.split('?')[0]);

describe('the Work Items API at both path families', () => {
  it.each(['/v3/work-items', '/work-items/v1'])(
    '%s: list, count, detail and a decision through the proxy',
    async (base) => {
      const call = await session(v3Proxy, 'alice.approver');
      const list = await call<WorkItem[]>('GET', `${base}?limit=5&count=true`);
      expect(list.status).toBe(200);
      expect(Number(list.headers.get('x-total-count'))).toBeGreaterThan(5);
      expect((await call<{ count: number }>('GET', `${base}/count`)).body.count).toBeGreaterThan(0);
      const item = list.body.find((w) => w.approvalItems?.some((a) => a.state === 'Pending'))!;
      expect((await call<WorkItem>('GET', `${base}/${item.id}`)).body.id).toBe(item.id);
      const approvalId = item.approvalItems!.find((a) => a.state === 'Pending')!.id!;
      const decided = await call<WorkItem>('POST', `${base}/${item.id}/approve/${approvalId}`);
      expect(decided.status).toBe(200);
      expect(decided.body.approvalItems!.find((a) => a.id === approvalId)!.state).toBe('Finished');
    },
  );

  it('the page keeps calling /v3/work-items; with SAIL_WORK_ITEMS_API=v1 the tenant is asked at /work-items/v1', async () => {
    const call = await session(v1Proxy, 'bob.approver');
    const mark = upstreamLog.length;
    const count = await call<{ count: number }>('GET', '/v3/work-items/count');
    expect(count.status).toBe(200);
    const list = await call<WorkItem[]>('GET', '/v3/work-items?limit=2');
    expect(list.body.every((w) => w.ownerId === BOB.id)).toBe(true);
    const completed = await call('GET', '/work-items/v1/completed/count');
    expect(completed.status).toBe(200);
    expect(upstreamPathsSince(mark)).toEqual([
      '/work-items/v1/count',
      '/work-items/v1',
      '/work-items/v1/completed/count',
    ]);

    const v3Mark = upstreamLog.length;
    const onV3 = await session(v3Proxy, 'bob.approver');
    await onV3('GET', '/work-items/v1/count');
    expect(upstreamPathsSince(v3Mark).filter((p) => p !== '/oauth/token' && p !== '/v3/public-identities')).toEqual([
      '/v3/work-items/count',
    ]);
  });
});

describe('the access-request approvals at both path families', () => {
  it.each(['/v3/access-request-approvals', '/access-request-approvals/v1'])(
    '%s: pending, completed, summary, approve, reject, forward',
    async (base) => {
      const call = await session(v3Proxy, 'alice.approver');
      const pending = await call<PendingApproval[]>('GET', `${base}/pending?limit=10&count=true`);
      expect(pending.status).toBe(200);
      expect(pending.body.length).toBeGreaterThanOrEqual(3);
      expect((await call('GET', `${base}/completed?limit=3`)).status).toBe(200);
      const summary = await call<{ pending: number }>('GET', `${base}/approval-summary`);
      expect(summary.status).toBe(200);
      expect(summary.body.pending).toBeGreaterThan(0);
      const [a, b, c] = pending.body.slice(-3);
      expect((await call('POST', `${base}/${a!.id}/approve`, { comment: 'ok' })).status).toBe(202);
      expect((await call('POST', `${base}/${b!.id}/reject`, { comment: 'no' })).status).toBe(202);
      const forward = await call('POST', `${base}/${c!.id}/forward`, { newOwnerId: BOB.id, comment: 'yours' });
      expect(forward.status).toBe(202);
      const left = await call<PendingApproval[]>('GET', `${base}/pending?limit=250`);
      expect(left.body.map((p) => p.id)).not.toContain(a!.id);
    },
  );
});

describe('the Approvals service at every path family, and access-request submission', () => {
  it.each(['/v2025/generic-approvals', '/generic-approvals/v1', '/beta/generic-approvals'])(
    '%s: every operation reaches the tenant at its own path and method',
    async (base) => {
      const alice = await session(v3Proxy, 'alice.approver');
      const ada = await session(v3Proxy, 'ada.admin');
      const mark = upstreamLog.length;
      const filter = encodeURIComponent('status eq "PENDING" and type eq "ACCESS_REQUEST_APPROVAL"');
      const list = await alice<Approval[]>('GET', `${base}?mine=true&count=true&filters=${filter}`);
      expect(list.status).toBe(200);
      expect(Number(list.headers.get('x-total-count'))).toBe(list.body.length);
      // parallel, and not asked for by ada, who decides two of them as the admin
      const [a, b, c, d, e, f] = list.body
        .filter((x) => x.approvalCriteria?.type === 'PARALLEL' && x.requester?.identityID !== ADA.id)
        .slice(-6);
      expect((await alice<Approval>('GET', `${base}/${a!.id}`)).body.id).toBe(a!.id);
      expect((await alice<Approval>('POST', `${base}/${a!.id}/approve`, { comment: 'ok' })).body.status).toBe(
        'APPROVED',
      );
      expect((await alice('POST', `${base}/${b!.id}/reject`, { comment: 'no' })).status).toBe(204);
      expect((await alice('POST', `${base}/${c!.id}/reassign`, { reassignTo: CAROL.id })).status).toBe(204);
      expect((await alice<Approval>('POST', `${base}/${d!.id}/comments`, { comment: 'hm' })).status).toBe(200);
      const attrs = await alice<Approval>('POST', `${base}/${d!.id}/attributes`, { additionalAttributes: { k: 'v' } });
      expect(JSON.parse(attrs.body.additionalAttributes!)).toMatchObject({ k: 'v' });
      expect((await alice<ApprovalConfig>('GET', `${base}/config/ACCESS_REQUEST_APPROVAL`)).status).toBe(200);
      expect((await ada('POST', `${base}/bulk-approve`, { approvalIds: [e!.id] })).status).toBe(202);
      expect((await ada('POST', `${base}/bulk-reject`, { approvalIds: [f!.id], comment: 'dup' })).status).toBe(202);
      const role = catalogueItemNamed('Sales Operations').id;
      const put = await ada<ApprovalConfig>('PUT', `${base}/config/${role}/ROLE`, { requiresComment: 'ALL' });
      expect(put.body).toEqual({ requiresComment: 'ALL' });
      expect((await ada('DELETE', `${base}/config/${role}/ROLE`)).status).toBe(204);
      const upstream = upstreamLog.slice(mark).map((r) => `${r.method} ${r.url.split('?')[0]} ${r.status}`);
      const path = (id: string | undefined) => `${base}/${id}`;
      expect(upstream).toEqual([
        `GET ${base} 200`,
        `GET ${path(a!.id)} 200`,
        `POST ${path(a!.id)}/approve 200`,
        `POST ${path(b!.id)}/reject 204`,
        `POST ${path(c!.id)}/reassign 204`,
        `POST ${path(d!.id)}/comments 200`,
        `POST ${path(d!.id)}/attributes 200`,
        `GET ${base}/config/ACCESS_REQUEST_APPROVAL 200`,
        `POST ${base}/bulk-approve 202`,
        `POST ${base}/bulk-reject 202`,
        `PUT ${base}/config/${role}/ROLE 200`,
        `DELETE ${base}/config/${role}/ROLE 204`,
      ]);
    },
  );

  it('/v2024/generic-approvals: list and get', async () => {
    const alice = await session(v3Proxy, 'alice.approver');
    const list = await alice<Approval[]>('GET', '/v2024/generic-approvals?mine=true');
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(10);
    expect((await alice<Approval>('GET', `/v2024/generic-approvals/${list.body[0]!.id}`)).body.id).toBe(
      list.body[0]!.id,
    );
  });

  it('POST /v3/access-requests as Bob for Carol, then Alice sees it and Bob follows it, all through the proxy', async () => {
    const bob = await session(v3Proxy, 'bob.approver');
    const alice = await session(v1Proxy, 'alice.approver');
    const role = catalogueItemNamed('Finance Analyst');
    const res = await bob<AccessRequestResponse>('POST', '/v3/access-requests', {
      requestedFor: [CAROL.id],
      requestedItems: [{ type: 'ROLE', id: role.id, comment: 'through the proxy' }],
    });
    expect(res.status).toBe(202);
    const requestId = res.body.newRequests![0]!.accessRequestIds![0]!;
    const filter = encodeURIComponent(`referenceId eq "${requestId}"`);
    const seen = await alice<Approval[]>('GET', `/v2025/generic-approvals?mine=true&filters=${filter}`);
    expect(seen.body.map((a) => a.assignedTo?.map((p) => p.identityID))).toEqual([[ALICE.id]]);
    const status = await bob<{ accessRequestId: string; state: string }[]>(
      'GET',
      '/v3/access-request-status?requested-by=me',
    );
    expect(status.body.find((s) => s.accessRequestId === requestId)?.state).toBe('EXECUTING');
  });
});

describe('nothing else is forwarded', () => {
  it.each([
    ['GET', '/v3/identities'],
    ['GET', '/v3/access-requests'],
    ['PUT', '/v3/access-requests'],
    ['POST', '/v3/access-requests/cancel'],
    ['POST', '/v3/access-request-status'],
    ['GET', '/v3/generic-approvals'],
    ['GET', '/v2025/work-items'],
    ['GET', '/v2025/generic-approvals/abc/approve'],
    ['DELETE', '/v2025/generic-approvals/abc'],
    ['PUT', '/v2025/generic-approvals/config/abc'],
    ['GET', '/v2025/generic-approvals/config/abc/ROLE'],
    ['POST', '/v2025/generic-approvals/abc/delete'],
    ['POST', '/v2024/generic-approvals/abc/approve'],
    ['POST', '/v2024/generic-approvals/bulk-approve'],
    ['GET', '/v2024/generic-approvals/config/ACCESS_REQUEST_APPROVAL'],
    ['GET', '/generic-approvals/v2'],
    ['GET', '/sandbox/clock'],
    ['PUT', '/sandbox/clock'],
    ['GET', '/v3/access-request-approvals'],
    ['GET', '/v3/access-request-approvals/abc'],
    ['GET', '/v3/access-request-approvals/abc/approve'],
    ['POST', '/v3/access-request-approvals/pending'],
    ['POST', '/v3/access-request-approvals/abc/delete'],
    ['DELETE', '/v3/access-request-approvals/abc'],
    ['GET', '/access-request-approvals/v2/pending'],
    ['GET', '/work-items/v2'],
    ['GET', '/beta/work-items'],
    ['GET', '/v3/work-items/abc/approve/def'],
    ['GET', '/v3/work-items/abc/forward'],
    ['GET', '/v3/work-items/bulk-approve/abc'],
    ['POST', '/v3/work-items/abc/approve'],
    ['POST', '/v3/work-items/abc/unknown'],
    ['PUT', '/v3/work-items/abc'],
    ['POST', '/v3/public-identities'],
    ['GET', '/v3/public-identities/abc'],
    ['GET', '/oauth/token'],
    ['POST', '/oauth/token'],
    ['GET', '/sandbox/faults'],
  ])('%s %s → 404 ErrorResponseDto, the tenant never asked', async (method, path) => {
    const mark = upstreamLog.length;
    const response = await fetch(`${v3Proxy.url}${path}`, {
      method,
      headers: { authorization: 'Bearer t', ...XHR, 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : '{}',
    });
    expect([404, 405]).toContain(response.status);
    expect(await response.json()).toHaveProperty('trackingId');
    expect(upstreamLog.slice(mark)).toEqual([]);
  });
});
