// The cookie session over real HTTP against the real server and its sandbox.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { sessionKey } from './key.ts';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const JSON_BODY = { 'content-type': 'application/json' };
const ALICE_ID = 'e3f63c2438144d924f98fed09cfbc1ec';
const BOB_ID = 'be7ca2436741d93765e8766e56ebdc0c';
/** Every JWT starts with a base64url JSON header: `{"` → `eyJ`. */
const JWT_PATTERN = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie');
  expect(header, 'a session cookie was set').toBeTruthy();
  return header!.split(';')[0]!;
}

async function signIn(server: TestServer, body: unknown = { identity: 'alice.approver' }) {
  const response = await fetch(`${server.url}/auth/session`, {
    method: 'POST',
    headers: { ...XHR, ...JSON_BODY },
    body: JSON.stringify(body),
  });
  return response;
}

async function patToken(server: TestServer, alias: string): Promise<string> {
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: alias, client_secret: 'sandbox-secret' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('cookie session', () => {
  let server: TestServer;
  let cookie: string;
  let firstItem: { id: string; approvalItems?: { id?: string }[] | null };

  beforeAll(async () => {
    server = await startTestServer();
    const response = await signIn(server);
    expect(response.status).toBe(200);
    cookie = cookieOf(response);
  });
  afterAll(() => server?.close());

  it('signs in a demo identity: HttpOnly, SameSite=Strict cookie; claims, no token, in the body', async () => {
    const response = await signIn(server);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/; Secure/i); // http://127.0.0.1: no PUBLIC_URL with https
    expect(setCookie).not.toMatch(JWT_PATTERN); // encrypted, not a readable JWT
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toMatch(JWT_PATTERN);
    const body = JSON.parse(text);
    expect(body).toEqual({
      identityId: ALICE_ID,
      name: 'Alice Approver',
      isAdmin: false,
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      mode: 'sandbox',
    });
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'identityId', 'isAdmin', 'mode', 'name']);
  });

  it('signs in with a personal access token (client id + secret) and reads the admin claim', async () => {
    const response = await signIn(server, { clientId: 'ada.admin', clientSecret: 'sandbox-secret' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ name: 'Ada Admin', isAdmin: true, mode: 'sandbox' });
    expect(JSON.stringify(body)).not.toContain('sandbox-secret');
  });

  it('wrong PAT → 401 {error} with a clear message, and no cookie', async () => {
    const response = await signIn(server, { clientId: 'alice.approver', clientSecret: 'wrong' });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    const body = await response.json();
    expect(body.error).toMatch(/client ID or client secret is wrong/);
    const unknown = await signIn(server, { identity: 'mallory' });
    expect(unknown.status).toBe(401);
  });

  it('invalid bodies → 400 ErrorResponseDto', async () => {
    for (const body of [
      {},
      { clientId: 'alice.approver' },
      { identity: { alias: 'alice.approver' } },
      { identity: '' },
    ]) {
      const response = await signIn(server, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const dto = await response.json();
      expect(dto.detailCode).toBe('400.1 Bad Request Content');
      expect(dto.trackingId).toMatch(/^[0-9a-f]{32}$/);
      expect(dto.messages[0].text).toMatch(/clientId/);
    }
  });

  it('GET /auth/session answers the claims with the cookie, 401 {error} without', async () => {
    const withCookie = await fetch(`${server.url}/auth/session`, { headers: { cookie } });
    expect(withCookie.status).toBe(200);
    expect(withCookie.headers.get('cache-control')).toBe('no-store');
    const text = await withCookie.text();
    expect(text).not.toMatch(JWT_PATTERN);
    expect(JSON.parse(text)).toMatchObject({ identityId: ALICE_ID, name: 'Alice Approver' });

    const without = await fetch(`${server.url}/auth/session`);
    expect(without.status).toBe(401);
    expect(without.headers.get('cache-control')).toBe('no-store');
    expect(await without.json()).toEqual({ error: 'Not signed in.' });

    const forged = await fetch(`${server.url}/auth/session`, { headers: { cookie: `${cookie.slice(0, -6)}AAAAAA` } });
    expect(forged.status).toBe(401);
  });

  it('lists the demo identities for the sign-in page', async () => {
    const response = await fetch(`${server.url}/auth/identities`);
    expect(response.status).toBe(200);
    const identities = await response.json();
    expect(identities).toEqual(
      expect.arrayContaining([
        { alias: 'ada.admin', name: 'Ada Admin', isAdmin: true },
        { alias: 'alice.approver', name: 'Alice Approver', isAdmin: false },
        { alias: 'bob.approver', name: 'Bob Approver', isAdmin: false },
        { alias: 'carol.approver', name: 'Carol Approver', isAdmin: false },
      ]),
    );
    expect(identities).toHaveLength(4);
  });

  it('attaches the bearer token to /v3 calls that carry only the cookie; the token stays out of the body', async () => {
    const response = await fetch(`${server.url}/v3/work-items?limit=5&count=true`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(JWT_PATTERN);
    const items = JSON.parse(text) as { id: string; ownerId: string; approvalItems?: { id?: string }[] }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.ownerId === ALICE_ID)).toBe(true);
    firstItem = items.find((i) => i.approvalItems?.length) ?? items[0]!;
  });

  it('without a cookie /v3 answers the API’s own 401', async () => {
    const response = await fetch(`${server.url}/v3/work-items`);
    expect(response.status).toBe(401);
    expect(await response.json()).toHaveProperty('error');
  });

  it('passes a request that carries its own Authorization unchanged (cookie ignored)', async () => {
    const bobToken = await patToken(server, 'bob.approver');
    const asBob = await fetch(`${server.url}/v3/work-items?limit=3`, {
      headers: { cookie, authorization: `Bearer ${bobToken}` },
    });
    expect(asBob.status).toBe(200);
    const items = (await asBob.json()) as { ownerId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.ownerId === BOB_ID)).toBe(true);

    const bad = await fetch(`${server.url}/v3/work-items`, { headers: { cookie, authorization: 'Bearer nonsense' } });
    expect(bad.status).toBe(401); // not rescued by the cookie

    // not cookie-authenticated: no CSRF header needed (curl, the SDK)
    const post = await fetch(`${server.url}/v3/work-items/${'0'.repeat(32)}/approve/${'1'.repeat(32)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bobToken}` },
    });
    expect(post.status).not.toBe(403);
  });

  it('refuses a state-changing cookie request without X-Requested-With → 403 ErrorResponseDto', async () => {
    const approval = firstItem.approvalItems?.[0]?.id ?? 'x';
    const response = await fetch(`${server.url}/v3/work-items/${firstItem.id}/approve/${approval}`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(response.status).toBe(403);
    const dto = await response.json();
    expect(dto.detailCode).toBe('403 Forbidden');
    expect(dto.trackingId).toMatch(/^[0-9a-f]{32}$/);
    expect(dto.messages[0].text).toMatch(/X-Requested-With/);
    // not carried out
    const after = await fetch(`${server.url}/v3/work-items/${firstItem.id}`, { headers: { cookie } });
    expect((await after.json()).state).toBe('Pending');
  });

  it('refuses a cross-origin Origin → 403, accepts the same origin', async () => {
    const cross = await fetch(`${server.url}/v3/work-items/${firstItem.id}`, {
      method: 'POST',
      headers: { cookie, ...XHR, origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    expect((await cross.json()).messages[0].text).toMatch(/evil\.example/);

    const signInCross = await fetch(`${server.url}/auth/session`, {
      method: 'POST',
      headers: { ...XHR, ...JSON_BODY, origin: 'https://evil.example' },
      body: JSON.stringify({ identity: 'alice.approver' }),
    });
    expect(signInCross.status).toBe(403);

    const same = await signIn(server); // same-origin Origin is fine
    const sameOrigin = await fetch(`${server.url}/auth/session`, {
      method: 'POST',
      headers: { ...XHR, ...JSON_BODY, origin: server.url },
      body: JSON.stringify({ identity: 'alice.approver' }),
    });
    expect(same.status).toBe(200);
    expect(sameOrigin.status).toBe(200);
  });

  it('sign-in itself requires the custom header', async () => {
    const response = await fetch(`${server.url}/auth/session`, {
      method: 'POST',
      headers: JSON_BODY,
      body: JSON.stringify({ identity: 'alice.approver' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('signs out: 204, cookie cleared', async () => {
    const own = cookieOf(await signIn(server));
    const withoutHeader = await fetch(`${server.url}/auth/session`, { method: 'DELETE', headers: { cookie: own } });
    expect(withoutHeader.status).toBe(403);
    const response = await fetch(`${server.url}/auth/session`, { method: 'DELETE', headers: { cookie: own, ...XHR } });
    expect(response.status).toBe(204);
    const cleared = response.headers.get('set-cookie')!;
    expect(cleared).toMatch(/wi-session=;/);
    const after = await fetch(`${server.url}/auth/session`, { headers: { cookie: cleared.split(';')[0]! } });
    expect(after.status).toBe(401);
  });

  it('keeps a generated cookie key under the data dir, readable by its owner only', () => {
    const file = path.join(server.config.dataDir, 'session.key');
    const stat = fs.statSync(file);
    expect(stat.size).toBe(32);
    expect(stat.mode & 0o777).toBe(0o600);
  });
});

describe('expired session', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SANDBOX_TOKEN_TTL: '1' });
  });
  afterAll(() => server?.close());

  it('answers 401 {error} on /auth/session and on /v3 once the token expired', async () => {
    const response = await signIn(server);
    expect(response.status).toBe(200);
    const cookie = cookieOf(response);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const session = await fetch(`${server.url}/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(401);
    expect((await session.json()).error).toMatch(/expired/);
    const api = await fetch(`${server.url}/v3/work-items`, { headers: { cookie } });
    expect(api.status).toBe(401);
    expect((await api.json()).error).toMatch(/expired/);
  });
});

describe('cookie key', () => {
  it('derives 32 bytes from SESSION_SECRET, and rejects a short one', () => {
    const base = loadConfig({ SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/nonexistent' });
    const key = sessionKey(base);
    expect(key).toHaveLength(32);
    expect(sessionKey(base).equals(key)).toBe(true);
    expect(() => sessionKey(loadConfig({ SESSION_SECRET: 'short' }))).toThrow(/at least 32/);
  });

  it('refuses to start in tenant mode without SESSION_SECRET', () => {
    expect(() => sessionKey(loadConfig({ SAIL_BASE_URL: 'https://acme.api.identitynow.com' }))).toThrow(
      /SESSION_SECRET is required/,
    );
  });

  it('marks the cookie Secure (and __Host-) when PUBLIC_URL is https', async () => {
    const server = await startTestServer({ PUBLIC_URL: 'https://inbox.example.com' });
    try {
      const response = await signIn(server);
      expect(response.status).toBe(200);
      const setCookie = response.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/^__Host-wi-session=/);
      expect(setCookie).toMatch(/; Secure/i);
    } finally {
      await server.close();
    }
  });
});
