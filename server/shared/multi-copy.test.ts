// Two copies of the server in tenant mode in front of one sandbox, with the same SESSION_SECRET and REDIS_URL,
// as behind a load balancer: a session made on copy A works on copy B, a sign-out on A holds on B, wrong
// sign-ins spread over both hit one limit; Redis killed → a clear 503 (no crash, no revoked session let back
// in); Redis back → the copies recover by themselves. A real redis-server (see server/test/redis.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto } from '../../contract/work-items.ts';
import { Redis } from 'ioredis';
import { startTestServer, type TestServer } from '../test/server.ts';
import { tokenFor } from '../test/sandbox.ts';
import { XHR, sessionCookieOf, signInRequest } from '../test/http.ts';
import { redisServerAvailable, startRedis, type TestRedis } from '../test/redis.ts';

const SECRET = 'multi-copy-test-secret-0123456789abcdef0123456';
const ALICE = { clientId: 'alice.approver', clientSecret: 'sandbox-secret' };

let redis: TestRedis;
let sandbox: TestServer;
let copyA: TestServer;
let copyB: TestServer;

/** The browser's address as the load balancer reports it: each test signs in from its own. */
const browser = (n: number) => ({ 'x-forwarded-for': `192.0.2.${n}` });

const get = (server: TestServer, path: string, cookie: string) =>
  fetch(`${server.url}${path}`, { headers: { cookie } });

describe.skipIf(!redisServerAvailable())('several copies sharing Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
    sandbox = await startTestServer();
    const copy = () =>
      startTestServer({
        SAIL_BASE_URL: sandbox.url,
        SESSION_SECRET: SECRET,
        REDIS_URL: redis.url,
        SIGN_IN_RATE_LIMIT: '10/1m',
        SAIL_OAUTH_CLIENT_ID: 'work-items-inbox',
        // behind a load balancer (here: on loopback), which names the browser in X-Forwarded-For
        TRUST_PROXY: '127.0.0.1',
      });
    [copyA, copyB] = await Promise.all([copy(), copy()]);
  });
  afterAll(async () => {
    await copyA?.close();
    await copyB?.close();
    await sandbox?.close();
    await redis?.stop();
  });

  it('a session made on copy A works on copy B; after sign-out on A the old cookie gets 401 on B', async () => {
    const cookie = sessionCookieOf(await signInRequest(copyA.url, ALICE, browser(1)));
    expect((await get(copyB, '/auth/session', cookie)).status).toBe(200);
    expect((await get(copyB, '/v3/work-items/count', cookie)).status).toBe(200);

    const out = await fetch(`${copyA.url}/auth/session`, { method: 'DELETE', headers: { cookie, ...XHR } });
    expect(out.status).toBe(204);
    for (const path of ['/auth/session', '/v3/work-items/count', '/access-request-approvals/v1/pending']) {
      const replayed = await get(copyB, path, cookie);
      expect(replayed.status, path).toBe(401);
    }
    expect((await get(copyA, '/auth/session', cookie)).status).toBe(401);
  });

  it('20 wrong sign-ins spread over A and B hit one shared limit of 10', async () => {
    const wrong = { clientId: 'bob.approver', clientSecret: 'guess' };
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      statuses.push((await signInRequest((i % 2 ? copyB : copyA).url, wrong, browser(2))).status);
    }
    // alone, each copy would have let all of its 10 through
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
  });

  it('"Sign in with SailPoint" attempts spread over A and B hit one shared limit of 10', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i += 1) {
      const login = await fetch(`${(i % 2 ? copyB : copyA).url}/auth/login`, {
        redirect: 'manual',
        headers: browser(5),
      });
      statuses.push(login.status);
    }
    expect(statuses).toEqual([...Array(10).fill(302), ...Array(4).fill(429)]);
  });

  it('every key lives under its deployment: a sandbox sharing the Redis and the secret is a stranger', async () => {
    const sandboxCopy = await startTestServer({ REDIS_URL: redis.url, SESSION_SECRET: SECRET });
    const keys = new Redis(redis.url);
    try {
      const sandboxCookie = sessionCookieOf(await signInRequest(sandboxCopy.url, { identity: 'bob.approver' }));
      const tenantCookie = sessionCookieOf(await signInRequest(copyA.url, ALICE, browser(6)));
      const namespaces = new Set((await keys.keys('*')).map((key) => /^wi:[0-9a-f]{16}:/.exec(key)?.[0]));
      expect(namespaces.has(undefined), 'every key is namespaced').toBe(false);
      expect(namespaces.size, 'one namespace per deployment').toBe(2);
      expect((await get(copyB, '/auth/session', tenantCookie)).status).toBe(200);
      expect((await get(copyA, '/auth/session', sandboxCookie)).status).toBe(401);
      expect((await get(copyB, '/v3/work-items/count', sandboxCookie)).status).toBe(401);
      expect((await get(sandboxCopy, '/auth/session', tenantCookie)).status).toBe(401);
      expect((await get(sandboxCopy, '/auth/session', sandboxCookie)).status).toBe(200);
    } finally {
      keys.disconnect();
      await sandboxCopy.close();
    }
  });

  it('Redis killed: a clear 503, no crash, no revoked session let back in; Redis back: the copies recover', async () => {
    // A sandbox on the same Redis: its bearer-token callers need nothing else from it, so they go on.
    const sandboxCopy = await startTestServer({ REDIS_URL: redis.url, SANDBOX_RATE_LIMIT: '1000/1m' });
    const bobCookie = sessionCookieOf(await signInRequest(sandboxCopy.url, { identity: 'bob.approver' }));
    const carol = { clientId: 'carol.approver', clientSecret: 'sandbox-secret' };
    const live = sessionCookieOf(await signInRequest(copyA.url, carol, browser(3)));
    const revoked = sessionCookieOf(await signInRequest(copyB.url, ALICE, browser(3)));
    await fetch(`${copyB.url}/auth/session`, { method: 'DELETE', headers: { cookie: revoked, ...XHR } });

    await redis.kill();
    for (const [server, cookie, path] of [
      [copyA, live, '/auth/session'],
      [copyB, live, '/v3/work-items/count'],
      [copyA, revoked, '/v3/work-items/count'],
      [copyB, revoked, '/auth/session'],
    ] as const) {
      const answer = await get(server, path, cookie);
      expect(answer.status, path).toBe(503);
      const body = (await answer.json()) as ErrorResponseDto;
      expect(body.detailCode).toBe('503 Service Unavailable');
      expect(body.trackingId).toMatch(/^[0-9a-f]{32}$/);
      expect(body.messages![0]!.text).toMatch(/session store \(Redis\)/);
    }
    const signIn = await signInRequest(copyA.url, ALICE, browser(3));
    expect(signIn.status).toBe(503);
    expect(signIn.headers.get('set-cookie')).toBeNull();
    // alive, and what does not need Redis still works: health, and the sandbox API for bearer callers (a token
    // got during the outage included), counted per copy meanwhile; its cookie sessions are a 503 like any
    expect((await fetch(`${copyA.url}/health`)).status).toBe(200);
    const token = await tokenFor(sandboxCopy.url, 'carol.approver');
    const byToken = await fetch(`${sandboxCopy.url}/v3/work-items/count`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.status).toBe(200);
    expect((await get(sandboxCopy, '/v3/work-items/count', bobCookie)).status).toBe(503);
    await sandboxCopy.close();
    const ownToken = await fetch(`${copyB.url}/v3/work-items/count`, { headers: { authorization: 'Bearer x' } });
    expect(ownToken.status).toBe(401); // the tenant's own answer, through the proxy

    await redis.restart();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await get(copyB, '/auth/session', live)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status, 'copy B recovered').toBe(200);
    expect((await get(copyA, '/v3/work-items/count', live)).status).toBe(200);
    expect((await get(copyA, '/auth/session', revoked)).status).toBe(401);
    const ada = { clientId: 'ada.admin', clientSecret: 'sandbox-secret' };
    expect((await signInRequest(copyB.url, ada, browser(3))).status).toBe(200);
  });

  it('the idle timeout holds in Redis too: each request pushes it back, a quiet spell ends the session', async () => {
    const idle = await startTestServer({
      SAIL_BASE_URL: sandbox.url,
      SESSION_SECRET: SECRET,
      REDIS_URL: redis.url,
      SESSION_IDLE_TIMEOUT: '1',
    });
    try {
      const cookie = sessionCookieOf(await signInRequest(idle.url, ALICE));
      for (let i = 0; i < 3; i += 1) {
        await new Promise((r) => setTimeout(r, 600));
        expect((await get(idle, '/auth/session', cookie)).status, `${i}`).toBe(200);
      }
      await new Promise((r) => setTimeout(r, 1300));
      const ended = await get(idle, '/auth/session', cookie);
      expect(ended.status).toBe(401);
      expect((await ended.json()).error).toMatch(/1 second without activity/);
    } finally {
      await idle.close();
    }
  });

  it("two sandbox copies count the token endpoint's guesses into one budget", async () => {
    const sandboxCopy = () => startTestServer({ REDIS_URL: redis.url, SANDBOX_RATE_LIMIT: '4/1m' });
    const [one, two] = await Promise.all([sandboxCopy(), sandboxCopy()]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        const response = await fetch(`${(i % 2 ? two : one).url}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials&client_id=carol.approver&client_secret=guess',
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
