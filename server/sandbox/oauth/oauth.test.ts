import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ADA, ALICE } from '../identities.ts';
import { client, tokenFor } from '../../test/sandbox.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
  redirect: 'manual' as const,
});

describe('client credentials (personal access tokens)', () => {
  it('issues an ISC-shaped JWT from a form body, a multipart body or the query string', async () => {
    const viaForm = await fetch(
      `${server.url}/oauth/token`,
      form({ grant_type: 'client_credentials', client_id: 'ada.admin', client_secret: 'sandbox-secret' }),
    );
    expect(viaForm.status).toBe(200);
    expect(viaForm.headers.get('cache-control')).toBe('no-store');
    const body = (await viaForm.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: server.config.tokenTtl, identity_id: ADA.id });
    const claims = decodeJwt(body.access_token as string);
    expect(claims).toMatchObject({ identity_id: ADA.id, user_name: 'ada.admin', authorities: ['ORG_ADMIN'] });
    expect(claims.exp! - claims.iat!).toBe(server.config.tokenTtl);

    const multipart = new FormData();
    multipart.set('grant_type', 'client_credentials');
    multipart.set('client_id', 'alice.approver');
    multipart.set('client_secret', 'sandbox-secret');
    const viaMultipart = await fetch(`${server.url}/oauth/token`, { method: 'POST', body: multipart });
    expect(viaMultipart.status).toBe(200);
    const aliceClaims = decodeJwt(((await viaMultipart.json()) as { access_token: string }).access_token);
    expect(aliceClaims).toMatchObject({ identity_id: ALICE.id, authorities: ['USER'] });

    const viaQuery = await fetch(
      `${server.url}/oauth/token?grant_type=client_credentials&client_id=bob.approver&client_secret=sandbox-secret`,
      { method: 'POST' },
    );
    expect(viaQuery.status).toBe(200);
  });

  it('401 invalid_client for a wrong secret or an unknown or non-login client', async () => {
    for (const [id, secret] of [
      ['alice.approver', 'wrong'],
      ['nobody', 'sandbox-secret'],
      ['marcus.chen', 'sandbox-secret'],
      ['alice.approver', ''],
    ]) {
      const res = await fetch(
        `${server.url}/oauth/token`,
        form({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
      );
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    }
    const res = await fetch(`${server.url}/oauth/token`, form({ grant_type: 'password' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('a token expires after SANDBOX_TOKEN_TTL seconds', async () => {
    // `exp` is whole seconds (now rounded down + TTL), so a 1 s token may already be expired when a busy machine
    // makes the first call: 3 s leaves at least 2 s for it.
    const short = await startTestServer({ SANDBOX_TOKEN_TTL: '3' });
    try {
      const call = client(short.url, await tokenFor(short.url, 'alice.approver'));
      expect((await call('GET', '/v3/work-items/count')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 3100));
      const expired = await call('GET', '/v3/work-items/count');
      expect(expired.status).toBe(401);
      expect((expired.body as { error: string }).error).toMatch(/expired/);
    } finally {
      await short.close();
    }
  });
});

describe('authorization code with PKCE', () => {
  const redirectUri = 'http://127.0.0.1:9/auth/callback';
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorizeParams = {
    response_type: 'code',
    client_id: 'inbox',
    redirect_uri: redirectUri,
    state: 'st<ate>"1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };

  async function getCode(alias = 'bob.approver'): Promise<string> {
    const res = await fetch(`${server.url}/oauth/authorize`, form({ ...authorizeParams, identity: alias }));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe(authorizeParams.state);
    return location.searchParams.get('code')!;
  }

  const exchange = (code: string, extra: Record<string, string> = {}) =>
    fetch(
      `${server.url}/oauth/token`,
      form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: 'inbox',
        code_verifier: verifier,
        ...extra,
      }),
    );

  it('renders a sign-in page listing the demo identities, escaping what the request put in it', async () => {
    const res = await fetch(
      `${server.url}/oauth/authorize?${new URLSearchParams({ ...authorizeParams, client_id: '<script>x</script>' })}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    for (const name of ['Ada Admin', 'Alice Approver', 'Bob Approver', 'Carol Approver']) expect(html).toContain(name);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('value="st&#60;ate&#62;&#34;1"');

    const bad = await fetch(`${server.url}/oauth/authorize?response_type=code&client_id=&redirect_uri=x`);
    expect(bad.status).toBe(400);
    const noPkce = await fetch(
      `${server.url}/oauth/authorize?${new URLSearchParams({ ...authorizeParams, code_challenge_method: 'plain' })}`,
    );
    expect(noPkce.status).toBe(400);
  });

  it('exchanges a code once for a token of the chosen identity', async () => {
    const code = await getCode('bob.approver');
    const res = await exchange(code);
    expect(res.status).toBe(200);
    const token = ((await res.json()) as { access_token: string }).access_token;
    expect(decodeJwt(token).user_name).toBe('bob.approver');
    const call = client(server.url, token);
    expect((await call('GET', '/v3/work-items/count')).status).toBe(200);

    const replay = await exchange(code);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a wrong verifier, redirect_uri or client, and spends the code', async () => {
    const code = await getCode();
    const wrong = await exchange(code, { code_verifier: randomBytes(32).toString('base64url') });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await exchange(code)).status).toBe(400);

    expect((await exchange(await getCode(), { redirect_uri: 'http://evil.example/cb' })).status).toBe(400);
    expect((await exchange(await getCode(), { client_id: 'other' })).status).toBe(400);
    expect((await exchange('made-up')).status).toBe(400);
  });
});

describe('rate limit', () => {
  it('429 {message} with Retry-After once a token spends its budget, then recovers', async () => {
    const tight = await startTestServer({ SANDBOX_RATE_LIMIT: '3/2s' });
    try {
      const call = client(tight.url, await tokenFor(tight.url, 'alice.approver'));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await call('GET', '/v3/work-items/count'));
      expect(statuses.slice(0, 3).map((s) => s.status)).toEqual([200, 200, 200]);
      const limited = statuses[3];
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ message: 'Rate Limit Exceeded' });
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(2);
      // Another token has its own budget.
      const other = client(tight.url, await tokenFor(tight.url, 'bob.approver'));
      expect((await other('GET', '/v3/work-items/count')).status).toBe(200);
      await new Promise((r) => setTimeout(r, retryAfter * 1000 + 100));
      expect((await call('GET', '/v3/work-items/count')).status).toBe(200);
    } finally {
      await tight.close();
    }
  });
});
