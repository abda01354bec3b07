// Rate limits that hold: the sandbox's token endpoint per client address + client_id (a made-up bearer token
// buys no fresh budget), sign-in (/auth/session, /auth/login, /auth/callback) per client address in both modes,
// TRUST_PROXY deciding which address counts, and the sandbox API's per-address budget before sign-in.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test/server.ts';
import { signInRequest } from './test/http.ts';

const SECRET = 'rate-limit-test-secret-0123456789abcdef0123456';

function wrongSecret(url: string, clientId: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'guess' }),
  });
}

const randomBearer = () => ({ authorization: `Bearer ${randomBytes(16).toString('hex')}` });
const from = (address: string) => ({ 'x-forwarded-for': address });

async function expectLimited(response: Response, message: RegExp) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  const body = (await response.json()) as { message: string };
  expect(Object.keys(body)).toEqual(['message']);
  expect(body.message).toMatch(message);
}

async function statuses(count: number, send: () => Promise<Response>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) out.push((await send()).status);
  return out;
}

describe('sandbox token endpoint: per client address + client_id', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ SANDBOX_RATE_LIMIT: '5/1m', TRUST_PROXY: 'true' });
  });
  afterAll(() => server?.close());

  it('a random Authorization: Bearer on every guess buys no fresh budget', async () => {
    const seen = await statuses(5, () => wrongSecret(server.url, 'alice.approver', randomBearer()));
    expect(seen).toEqual([401, 401, 401, 401, 401]);
    await expectLimited(await wrongSecret(server.url, 'alice.approver', randomBearer()), /Rate Limit Exceeded/);
    // the right secret is refused too while the budget is spent: guessing costs the guesser, not a lucky hit
    const right = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...randomBearer() },
      body: 'grant_type=client_credentials&client_id=alice.approver&client_secret=sandbox-secret',
    });
    expect(right.status).toBe(429);
  });

  it('another client_id, or the same from another address, has its own budget', async () => {
    expect((await wrongSecret(server.url, 'bob.approver')).status).toBe(401);
    expect((await wrongSecret(server.url, 'alice.approver', from('203.0.113.7'))).status).toBe(401);
  });

  it('the client_id counts wherever it is sent (query string, form, multipart)', async () => {
    const viaQuery = () =>
      fetch(`${server.url}/oauth/token?grant_type=client_credentials&client_id=carol.approver&client_secret=x`, {
        method: 'POST',
        headers: from('198.51.100.1'),
      });
    const viaMultipart = () => {
      const form = new FormData();
      form.set('grant_type', 'client_credentials');
      form.set('client_id', 'carol.approver');
      form.set('client_secret', 'x');
      return fetch(`${server.url}/oauth/token`, { method: 'POST', body: form, headers: from('198.51.100.1') });
    };
    const seen = [
      ...(await statuses(2, viaQuery)),
      ...(await statuses(2, viaMultipart)),
      (await wrongSecret(server.url, 'carol.approver', from('198.51.100.1'))).status,
      (await viaMultipart()).status,
    ];
    expect(seen).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe('sign-in (/auth/session): its own limit per client address', () => {
  const wrong = { clientId: 'alice.approver', clientSecret: 'guess' };

  it('sandbox: the sixth wrong sign-in from one address is refused; other addresses still sign in', async () => {
    const server = await startTestServer({ SIGN_IN_RATE_LIMIT: '5/1m', TRUST_PROXY: 'true' });
    try {
      const attacker = from('192.0.2.66');
      expect(await statuses(5, () => signInRequest(server.url, wrong, attacker))).toEqual([401, 401, 401, 401, 401]);
      const limited = await signInRequest(server.url, wrong, attacker);
      await expectLimited(limited, /sign-in attempts/);
      expect(limited.headers.get('set-cookie')).toBeNull();
      // everyone else is not locked out (the old shared bucket locked out all users)
      const other = await signInRequest(server.url, { identity: 'alice.approver' }, from('192.0.2.1'));
      expect(other.status).toBe(200);
      const byIdentity = await signInRequest(server.url, { identity: 'bob.approver' }, from('192.0.2.2'));
      expect(byIdentity.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('tenant mode limits sign-in too, before the tenant is asked', async () => {
    let asked = 0;
    const counting = await startTestServer(
      {},
      { onResponse: (request) => void (request.url === '/oauth/token' && (asked += 1)) },
    );
    const tenant = await startTestServer({
      SAIL_BASE_URL: counting.url,
      SESSION_SECRET: SECRET,
      SIGN_IN_RATE_LIMIT: '3/1m',
    });
    try {
      expect(await statuses(3, () => signInRequest(tenant.url, wrong))).toEqual([401, 401, 401]);
      expect(asked).toBe(3);
      await expectLimited(await signInRequest(tenant.url, wrong), /sign-in attempts/);
      expect(asked).toBe(3);
    } finally {
      await tenant.close();
      await counting.close();
    }
  });

  it('without TRUST_PROXY a made-up X-Forwarded-For is ignored: the socket address counts', async () => {
    const server = await startTestServer({ SIGN_IN_RATE_LIMIT: '3/1m' });
    try {
      let n = 0;
      const rotating = () => signInRequest(server.url, wrong, from(`192.0.2.${(n += 1)}`));
      expect(await statuses(3, rotating)).toEqual([401, 401, 401]);
      await expectLimited(await rotating(), /sign-in attempts/);
    } finally {
      await server.close();
    }
  });
});

describe('"Sign in with SailPoint" (/auth/login, /auth/callback): the same limit per client address', () => {
  /** One anonymous round: start an attempt, then answer it with a made-up code (a token call at the tenant). */
  async function round(url: string, headers: Record<string, string> = {}) {
    const login = await fetch(`${url}/auth/login?returnTo=/inbox`, { redirect: 'manual', headers });
    if (login.status !== 302) return { login: login.status, callback: 0 };
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const callback = await fetch(`${url}/auth/callback?code=bogus&state=${state}`, {
      redirect: 'manual',
      headers: { cookie, ...headers },
    });
    return { login: login.status, callback: callback.status, retryAfter: callback.headers.get('retry-after') };
  }

  it('tenant mode: rounds of login + a bogus callback stop at the limit, and the tenant is asked no more', async () => {
    let asked = 0;
    const counting = await startTestServer(
      {},
      { onResponse: (request) => void (request.url === '/oauth/token' && (asked += 1)) },
    );
    const tenant = await startTestServer({
      SAIL_BASE_URL: counting.url,
      SESSION_SECRET: SECRET,
      SAIL_OAUTH_CLIENT_ID: 'work-items-inbox',
      SIGN_IN_RATE_LIMIT: '3/1m',
      TRUST_PROXY: 'true',
    });
    try {
      const attacker = from('203.0.113.9');
      const rounds = [];
      for (let i = 0; i < 5; i += 1) rounds.push(await round(tenant.url, attacker));
      expect(rounds.map((r) => r.login)).toEqual([302, 302, 302, 429, 429]);
      expect(rounds.slice(0, 3).map((r) => r.callback)).toEqual([400, 400, 400]);
      expect(asked).toBe(3);
      // the same attempt cookie replayed with more made-up codes: the callback's own budget is spent
      const login = await fetch(`${tenant.url}/auth/login`, { redirect: 'manual', headers: from('203.0.113.10') });
      const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const replays: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const res = await fetch(`${tenant.url}/auth/callback?code=bogus-${i}&state=${state}`, {
          redirect: 'manual',
          headers: { cookie, ...from('203.0.113.10') },
        });
        replays.push(res.status);
        if (res.status === 429) await expectLimited(res, /sign-in attempts/);
      }
      expect(replays).toEqual([400, 400, 400, 429, 429]);
      expect(asked).toBe(6);
      // another address still signs in
      expect((await round(tenant.url, from('198.51.100.20'))).login).toBe(302);
    } finally {
      await tenant.close();
      await counting.close();
    }
  });
});

describe('sandbox API before sign-in: per client address', () => {
  it('one address spends its budget; another still gets its 401, not a 429', async () => {
    const server = await startTestServer({ SANDBOX_RATE_LIMIT: '3/1m', TRUST_PROXY: 'true' });
    try {
      const anonymous = (address: string) => fetch(`${server.url}/v3/work-items`, { headers: from(address) });
      expect(await statuses(3, () => anonymous('192.0.2.10'))).toEqual([401, 401, 401]);
      await expectLimited(await anonymous('192.0.2.10'), /Rate Limit Exceeded/);
      expect((await anonymous('192.0.2.11')).status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
