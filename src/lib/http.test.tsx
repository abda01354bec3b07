// The http client against the real server: 429s waited out for every method, network failures and 401s as ApiError.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiServer, TRACKING_ID, type ApiTestServer } from '../test/api-server.tsx';
import { getCountWorkItems } from '../features/work-items/api/get-count-work-items.ts';
import { listWorkItems } from '../features/work-items/api/list-work-items.ts';
import { approveApprovalItem } from '../features/work-items/api/approve-approval-item.ts';
import { ApiError, NETWORK_ERROR_MESSAGE, configureHttp, getJson, onRateLimitWait, onSessionExpired } from './http.ts';

describe('429 Too Many Requests', () => {
  let api: ApiTestServer;
  beforeAll(async () => {
    api = await startApiServer({ SANDBOX_RATE_LIMIT: '5/1s' });
    await api.signInAs('alice.approver');
  });
  afterAll(() => api?.close());

  it('a burst of GETs and POSTs all succeed after waiting out Retry-After', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a fresh window
    const items = (await listWorkItems({ limit: 250, offset: 0 })).items.filter(
      (i) => (i.approvalItems?.length ?? 0) >= 1,
    );
    await api.settled();
    api.requests.length = 0;
    const waits: (number | null)[] = [];
    const unsubscribe = onRateLimitWait((left) => waits.push(left));
    const gets = Array.from({ length: 10 }, () => getCountWorkItems({}));
    const posts = items
      .slice(0, 3)
      .map((item) => approveApprovalItem({ workItemId: item.id, approvalItemId: item.approvalItems![0]!.id! }));
    const results = await Promise.all([...gets, ...posts]);
    await api.settled();

    expect(results).toHaveLength(13);
    for (const count of results.slice(0, 10)) expect(count).toEqual({ count: expect.any(Number) });
    for (const [index, item] of results.slice(10).entries()) expect(item).toMatchObject({ id: items[index]!.id });
    const limited = api.requests.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0); // some were refused at first…
    expect(api.requests.filter((r) => r.status === 200)).toHaveLength(13); // …and each was carried out once
    const postsAnswered = api.requests.filter((r) => r.method === 'POST');
    expect(postsAnswered.filter((r) => r.status === 200)).toHaveLength(3);
    expect(waits.some((w) => typeof w === 'number' && w > 0)).toBe(true); // "retrying in N s"
    await vi.waitFor(() => expect(waits.at(-1)).toBeNull()); // and the wait is over
    unsubscribe();
  });
});

describe('failures', () => {
  let api: ApiTestServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api?.close());

  it('a 401 is an ApiError with the `error` text, and announces the expired session', async () => {
    const expired: ApiError[] = [];
    const unsubscribe = onSessionExpired((e) => expired.push(e));
    const error = await getCountWorkItems({}).catch((e) => e);
    unsubscribe();
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/JWT is required/);
    expect(expired).toHaveLength(1);
  });

  it('a 400 carries detailCode, trackingId and causes', async () => {
    await api.signInAs('alice.approver');
    const error = (await getJson('work-items', { limit: 999 }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.detailCode).toBe('400.1 Bad Request Content');
    expect(error.trackingId).toMatch(TRACKING_ID);
    expect(error.causes.length).toBeGreaterThan(0);
  });

  it('a network failure is an ApiError with status 0 and a message a person understands', async () => {
    configureHttp({ baseUrl: 'http://127.0.0.1:9' });
    try {
      const error = await getCountWorkItems({}).catch((e) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(0);
      expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
    } finally {
      configureHttp({ baseUrl: api.url });
    }
  });
});
