// Server-side sessions: the cookie carries only a session id, the token lives in the server's session store
// (encrypted at rest), sign-out deletes it so a copy of the cookie is worth nothing, in both modes; an idle
// timeout and the token's own lifetime end a session.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { XHR, sessionCookieOf, signInRequest } from '../../test/http.ts';

const SECRET = 'revocation-test-secret-0123456789abcdef012345';
const JWT_PATTERN = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function status(url: string, cookie: string, method = 'GET', target = '/auth/session'): Promise<number> {
  const headers: Record<string, string> = { cookie, ...(method === 'GET' ? {} : XHR) };
  return (await fetch(`${url}${target}`, { method, headers })).status;
}

/** Signs in, keeps a copy of the cookie, signs out with it, then replays the copy everywhere. */
async function replayAfterSignOut(url: string, body: unknown) {
  const cookie = sessionCookieOf(await signInRequest(url, body));
  expect(await status(url, cookie)).toBe(200);
  expect(await status(url, cookie, 'GET', '/v3/work-items/count')).toBe(200);
  const out = await fetch(`${url}/auth/session`, { method: 'DELETE', headers: { cookie, ...XHR } });
  expect(out.status).toBe(204);
  const replayed = {
    session: await fetch(`${url}/auth/session`, { headers: { cookie } }),
    read: await fetch(`${url}/v3/work-items/count`, { headers: { cookie } }),
    v1: await fetch(`${url}/work-items/v1/count`, { headers: { cookie } }),
    decide: await fetch(`${url}/v3/work-items/bulk-approve/${'a'.repeat(32)}`, {
      method: 'POST',
      headers: { cookie, ...XHR },
    }),
  };
  for (const [what, response] of Object.entries(replayed)) {
    expect(response.status, what).toBe(401);
    expect(await response.json(), what).toHaveProperty('error');
  }
  // signing out again with the dead cookie is still a clean 204
  expect(await status(url, cookie, 'DELETE')).toBe(204);
}

describe('sandbox mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('a copy of the cookie gets 401 everywhere once its session signed out', async () => {
    await replayAfterSignOut(server.url, { identity: 'alice.approver' });
  });

  it('the cookie carries only a session id; the store holds the token encrypted', async () => {
    const response = await signInRequest(server.url, { identity: 'bob.approver' });
    const cookie = sessionCookieOf(response);
    const value = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
    const inside = server.app.decodeSecureSession(value);
    expect(inside, 'the cookie decrypts').toBeTruthy();
    expect(Object.keys(inside!.data() ?? {})).toEqual(['sid']);
    expect(String(inside!.get('sid'))).toMatch(/^[\w-]{43}$/);
    expect(value.length).toBeLessThan(200);

    const files = fs.readdirSync(server.config.dataDir).filter((f) => f.startsWith('sessions.sqlite'));
    expect(files).toContain('sessions.sqlite');
    const bytes = files.map((f) => fs.readFileSync(path.join(server.config.dataDir, f)).toString('latin1')).join('');
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes).not.toMatch(JWT_PATTERN);
    expect(bytes).not.toContain('Bob Approver');
    expect(await status(server.url, cookie)).toBe(200);
  });

  it('signing in again ends the session the browser had (no fixation, no orphan)', async () => {
    const first = sessionCookieOf(await signInRequest(server.url, { identity: 'alice.approver' }));
    const second = sessionCookieOf(await signInRequest(server.url, { identity: 'carol.approver' }, { cookie: first }));
    expect(second).not.toBe(first);
    expect(await status(server.url, first)).toBe(401);
    expect(await status(server.url, second)).toBe(200);
  });
});

describe('tenant mode (a second server as the tenant)', () => {
  let sandbox: TestServer;
  let tenant: TestServer;
  beforeAll(async () => {
    sandbox = await startTestServer();
    tenant = await startTestServer({ SAIL_BASE_URL: sandbox.url, SESSION_SECRET: SECRET });
  });
  afterAll(async () => {
    await tenant?.close();
    await sandbox?.close();
  });

  it('a copy of the cookie gets 401 everywhere once its session signed out', async () => {
    await replayAfterSignOut(tenant.url, { clientId: 'alice.approver', clientSecret: 'sandbox-secret' });
  });

  it('keeps its sessions in a small SQLite file of its own under DATA_DIR', () => {
    expect(fs.existsSync(path.join(tenant.config.dataDir, 'sessions.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(tenant.config.dataDir, 'sandbox.sqlite'))).toBe(false);
  });
});

describe('idle timeout and absolute lifetime', () => {
  let server: TestServer;
  let shortLived: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SESSION_IDLE_TIMEOUT: '2', SANDBOX_TOKEN_TTL: '60' });
    shortLived = await startTestServer({ SESSION_IDLE_TIMEOUT: '2', SANDBOX_TOKEN_TTL: '4' });
  });
  afterAll(async () => {
    await server?.close();
    await shortLived?.close();
  });

  it('a request within the idle timeout keeps the session; a quiet spell longer than it ends it', async () => {
    const cookie = sessionCookieOf(await signInRequest(server.url, { identity: 'alice.approver' }));
    for (let i = 0; i < 3; i += 1) {
      await sleep(1200);
      expect(await status(server.url, cookie, 'GET', i % 2 ? '/auth/session' : '/v3/work-items/count'), `${i}`).toBe(
        200,
      );
    }
    await sleep(2300);
    const idle = await fetch(`${server.url}/v3/work-items/count`, { headers: { cookie } });
    expect(idle.status).toBe(401);
    expect((await idle.json()).error).toMatch(/2 seconds without activity/);
    expect(await status(server.url, cookie)).toBe(401);
  });

  it('however busy, a session ends with its token', async () => {
    const signedIn = await signInRequest(shortLived.url, { identity: 'bob.approver' });
    const cookie = sessionCookieOf(signedIn);
    const expiresAt = Date.parse(((await signedIn.json()) as { expiresAt: string }).expiresAt);
    while (Date.now() < expiresAt - 700) {
      expect(await status(shortLived.url, cookie)).toBe(200);
      await sleep(600);
    }
    await sleep(Math.max(0, expiresAt - Date.now()) + 300);
    const after = await fetch(`${shortLived.url}/auth/session`, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect((await after.json()).error).toMatch(/expired/);
  });
});
