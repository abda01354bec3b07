// The tenant proxy in front of a second server's sandbox (the stand-in tenant): the Work Items API at both path
// families and the access-request approvals at both of theirs work through it with the cookie session; with
// SAIL_WORK_ITEMS_API=v1 the page's /v3/work-items calls reach the tenant as /work-items/v1 (the tenant's own
// request log says so); and nothing outside the allow-list is forwarded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingApproval } from '../contract/access-requests.ts';
import type { WorkItem } from '../contract/work-items.ts';
import { BOB } from './sandbox/identities.ts';
import { startTestServer, type RecordedRequest, type TestServer } from './test/server.ts';
import { XHR, sessionCookieOf, signInRequest } from './test/http.ts';

const SECRET = 'proxy-apis-test-secret-0123456789abcdef0123456';

const upstreamLog: RecordedRequest[] = [];
let sandbox: TestServer;
let v3Proxy: TestServer;
let v1Proxy: TestServer;

beforeAll(async () => {
  sandbox = await startTestServer({}, { onResponse: (request) => upstreamLog.push(request) });
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

describe('nothing else is forwarded', () => {
  it.each([
    ['GET', '/v3/identities'],
    ['GET', '/v3/access-requests'],
    ['POST', '/v3/access-requests'],
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
