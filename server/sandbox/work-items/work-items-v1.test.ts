// /work-items/v1 rides on everything /v3/work-items does (work-items.test.ts runs the API itself under both):
// the cookie session attaches the token and checks CSRF, the per-token rate limit counts both paths as one
// budget, fault rules match its operations, its answers are never cached, and its misses stay JSON 404s, never the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto, WorkItem } from '../../../contract/work-items.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { standInDist, type StandInDist } from '../../test/stand-in-dist.ts';
import { ALICE } from '../identities.ts';
import { client, sessionCookie, tokenFor } from '../../test/sandbox.ts';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };

describe('the cookie session on /work-items/v1', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = await sessionCookie(server.url, { identity: 'alice.approver' });
  });
  afterAll(() => server?.close());

  it('attaches the token to a cookie-only call; without a cookie the API answers 401', async () => {
    const mine = await fetch(`${server.url}/work-items/v1?limit=5`, { headers: { cookie } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    const items = (await mine.json()) as WorkItem[];
    expect(items.length).toBe(5);
    expect(items.every((w) => w.ownerId === ALICE.id)).toBe(true);
    const anonymous = await fetch(`${server.url}/work-items/v1?limit=5`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toHaveProperty('error');
  });

  it('refuses a state-changing cookie call without X-Requested-With or from another origin, and decides nothing', async () => {
    const items = (await (
      await fetch(`${server.url}/work-items/v1?limit=250`, { headers: { cookie } })
    ).json()) as WorkItem[];
    const item = items.find((w) => w.type === 'Approval')!;
    const bulk = `${server.url}/work-items/v1/bulk-approve/${item.id}`;
    const bare = await fetch(bulk, { method: 'POST', headers: { cookie } });
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as ErrorResponseDto).messages?.[0]?.text).toMatch(/X-Requested-With/);
    const cross = await fetch(bulk, { method: 'POST', headers: { cookie, ...XHR, origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);
    const still = await fetch(`${server.url}/v3/work-items/${item.id}`, { headers: { cookie } });
    expect(((await still.json()) as WorkItem).state).toBe('Pending');
    const done = await fetch(bulk, { method: 'POST', headers: { cookie, ...XHR, origin: server.url } });
    expect(done.status).toBe(200);
    expect(((await done.json()) as WorkItem).state).toBe('Finished');
  });
});

describe('rate limit and faults on /work-items/v1', () => {
  it('counts /v3/work-items and /work-items/v1 calls against one budget per token', async () => {
    const server = await startTestServer({ SANDBOX_RATE_LIMIT: '4/1m' });
    try {
      const call = client(server.url, await tokenFor(server.url, 'alice.approver'));
      const statuses = [];
      for (const path of [
        '/work-items/v1/count',
        '/v3/work-items/count',
        '/work-items/v1/count',
        '/v3/work-items/count',
      ]) {
        statuses.push((await call('GET', path)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200]);
      const limited = await call<{ message: string }>('GET', '/work-items/v1/count');
      expect(limited.status).toBe(429);
      expect(limited.body.message).toBe('Rate Limit Exceeded');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('applies a fault rule written for /work-items/v1 to the operation at both prefixes', async () => {
    const server = await startTestServer({ SANDBOX_FAULTS: 'GET /work-items/v1/count=status:503' });
    try {
      const call = client(server.url, await tokenFor(server.url, 'alice.approver'));
      const faulted = await call<ErrorResponseDto>('GET', '/work-items/v1/count');
      expect(faulted.status).toBe(503);
      expect(faulted.body.trackingId).toMatch(/^[0-9a-f]{32}$/);
      expect((await call('GET', '/v3/work-items/count')).status).toBe(503);
      expect((await call('GET', '/work-items/v1/completed/count')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('/work-items/v1 next to the page', () => {
  let server: TestServer;
  let dist: StandInDist;
  beforeAll(async () => {
    dist = standInDist('<!doctype html><title>Work Items Inbox</title>');
    server = await startTestServer({ DIST_DIR: dist.dir });
  });
  afterAll(async () => {
    await server?.close();
    dist?.remove();
  });

  it("leaves the page's /work-items/<id> to the page, and answers API misses with a JSON 404", async () => {
    const page = await fetch(`${server.url}/work-items/${'a'.repeat(32)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    for (const miss of ['/work-items/v1/x/y/z/w', '/work-items/v1/x/approve/y/z']) {
      const answer = await fetch(`${server.url}${miss}`);
      expect(answer.status, miss).toBe(404);
      expect(((await answer.json()) as ErrorResponseDto).trackingId).toMatch(/^[0-9a-f]{32}$/);
    }
    const api = await fetch(`${server.url}/work-items/v1`);
    expect(api.status).toBe(401);
  });
});
