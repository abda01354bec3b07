// Attacks from the security review, each reproduced as it was found, against the real server over real sockets:
// the CSRF check dodged by an encoded path or an absolute-form target, doubled headers, a return path the
// Location header cannot carry, the sandbox's authorization endpoint handing a code to any redirect_uri, and a
// Host header that was trusted although PUBLIC_URL said which origin is ours.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { Jar, hostOf, rawRequest, sessionCookieOf, signInRequest } from './test/http.ts';

const ALICE_BODY = JSON.stringify({ identity: 'alice.approver' });
const PUBLIC = 'https://inbox.example.com';

/** A raw POST of a sign-in with the given request target and extra header lines, without X-Requested-With. */
function rawSignIn(server: TestServer, target: string, extra = '') {
  return rawRequest(
    server.url,
    `POST ${target} HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${ALICE_BODY.length}${extra}`,
    ALICE_BODY,
  );
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ SAIL_OAUTH_CLIENT_ID: 'work-items-inbox' });
});
afterAll(() => server?.close());

describe('the CSRF check holds whatever the request target looks like', () => {
  it.each(['/%61uth/session', '/%61%75%74%68/session', '/auth/%73ession', '/auth//session', '/AUTH/session'])(
    'POST %s without X-Requested-With starts no session',
    async (target) => {
      const answer = await rawSignIn(server, target);
      expect(answer.setCookies.join('\n')).not.toMatch(/wi-session=[^;]/);
      expect([403, 404]).toContain(answer.status);
      expect(JSON.parse(answer.body)).toHaveProperty('trackingId');
    },
  );

  it('refuses an absolute-form request target with 400, whatever its path', async () => {
    for (const target of [
      `http://${hostOf(server.url)}/auth/session`,
      'http://evil.example/auth/session',
      `HTTP://${hostOf(server.url)}/%61uth/session`,
    ]) {
      const answer = await rawSignIn(server, target, '\r\nX-Requested-With: XMLHttpRequest');
      expect(answer.status, target).toBe(400);
      expect(answer.setCookies, target).toEqual([]);
      expect(JSON.parse(answer.body).messages[0].text, target).toMatch(/request target/i);
    }
    const get = await rawRequest(server.url, `GET http://${hostOf(server.url)}/health HTTP/1.1\r\nHost: x`);
    expect(get.status).toBe(400);
  });

  it('DELETE /%61uth/session without the header does not sign out', async () => {
    const cookie = sessionCookieOf(await signInRequest(server.url, { identity: 'alice.approver' }));
    const answer = await rawRequest(
      server.url,
      `DELETE /%61uth/session HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nCookie: ${cookie}`,
    );
    expect(answer.status).toBe(403);
    expect((await fetch(`${server.url}/auth/session`, { headers: { cookie } })).status).toBe(200);
  });

  it('an encoded API path still rides on the session with the CSRF check (no bypass, no lost token)', async () => {
    const cookie = sessionCookieOf(await signInRequest(server.url, { identity: 'alice.approver' }));
    const read = await rawRequest(
      server.url,
      `GET /%763/work-items/count HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nCookie: ${cookie}`,
    );
    expect(read.status).toBe(200);
    const write = await rawRequest(
      server.url,
      `POST /%763/work-items/bulk-approve/${'a'.repeat(32)} HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\n` +
        `Cookie: ${cookie}\r\nContent-Length: 0`,
    );
    expect(write.status).toBe(403);
    expect(JSON.parse(write.body).messages[0].text).toMatch(/X-Requested-With/);
  });

  it('doubled X-Requested-With or Origin headers are refused, not merged into a pass', async () => {
    const host = hostOf(server.url);
    const doubledMarker = await rawSignIn(
      server,
      '/auth/session',
      '\r\nX-Requested-With: nope\r\nX-Requested-With: XMLHttpRequest',
    );
    expect(doubledMarker.status).toBe(403);
    const doubledOrigin = await rawSignIn(
      server,
      '/auth/session',
      `\r\nX-Requested-With: XMLHttpRequest\r\nOrigin: https://evil.example\r\nOrigin: http://${host}`,
    );
    expect(doubledOrigin.status).toBe(403);
    expect(doubledOrigin.setCookies).toEqual([]);
  });
});

describe('Sign in with SailPoint: returnTo and redirect_uri', () => {
  /** The whole authorization-code flow against the sandbox's own sign-in page; returns the final answer. */
  async function signInReturningTo(returnTo: string, encoded = encodeURIComponent(returnTo)) {
    const jar = new Jar();
    const login = await fetch(`${server.url}/auth/login?returnTo=${encoded}`, {
      redirect: 'manual',
    });
    jar.take(login);
    const params = Object.fromEntries(new URL(login.headers.get('location')!).searchParams);
    const chosen = await fetch(`${server.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, identity: 'alice.approver' }),
    });
    const done = await fetch(chosen.headers.get('location')!, { redirect: 'manual', headers: jar.header() });
    jar.take(done);
    return { done, jar };
  }

  it('a returnTo with characters above U+00FF comes back percent-encoded, with a working session', async () => {
    for (const returnTo of ['/inbox?q=€uro', '/work-items/abc?tab=日本', '/completed#😀']) {
      const { done, jar } = await signInReturningTo(returnTo);
      expect(done.status, returnTo).toBe(302);
      const location = done.headers.get('location')!;
      expect(location, returnTo).toMatch(/^\/[\x21-\x7e]*$/);
      expect(decodeURI(location), returnTo).toBe(returnTo);
      expect((await fetch(`${server.url}/auth/session`, { headers: jar.header() })).status, returnTo).toBe(200);
    }
    // an encoded lone surrogate (no UTF-8 exists for it) falls back to the inbox, still with a session
    const { done, jar } = await signInReturningTo('', '%2Finbox%3Fq%3D%ED%A0%80');
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/inbox');
    expect((await fetch(`${server.url}/auth/session`, { headers: jar.header() })).status).toBe(200);
  });

  it("the sandbox's authorization endpoint gives codes only to this server's own or loopback callbacks", async () => {
    const verifier = randomBytes(32).toString('base64url');
    const base = {
      response_type: 'code',
      client_id: 'work-items-inbox',
      state: 's',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      identity: 'alice.approver',
    };
    for (const redirectUri of [
      'https://evil.example/auth/callback',
      'http://evil.example/cb',
      'http://127.0.0.1.evil.example/auth/callback',
      `${server.url}/somewhere-else`,
      `${server.url}/auth/callback?next=https://evil.example`,
    ]) {
      const page = await fetch(
        `${server.url}/oauth/authorize?${new URLSearchParams({ ...base, redirect_uri: redirectUri })}`,
      );
      expect(page.status, redirectUri).toBe(400);
      expect(await page.text(), redirectUri).toMatch(/redirect_uri/);
      const chosen = await fetch(`${server.url}/oauth/authorize`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...base, redirect_uri: redirectUri }),
      });
      expect(chosen.status, redirectUri).toBe(400);
      expect(chosen.headers.get('location'), redirectUri).toBeNull();
    }
    const ok = await fetch(`${server.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...base, redirect_uri: 'http://localhost:9/auth/callback' }),
    });
    expect(ok.status).toBe(302);
    expect(new URL(ok.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });
});

describe('PUBLIC_URL decides which origin is ours; the Host header does not', () => {
  let pub: TestServer;
  beforeAll(async () => {
    pub = await startTestServer({ PUBLIC_URL: PUBLIC, SAIL_OAUTH_CLIENT_ID: 'work-items-inbox' });
  });
  afterAll(() => pub?.close());

  it('refuses an Origin that only matches a forged Host, accepts PUBLIC_URL’s', async () => {
    const forged = await rawRequest(
      pub.url,
      'POST /auth/session HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${ALICE_BODY.length}\r\nX-Requested-With: XMLHttpRequest\r\nOrigin: http://evil.example`,
      ALICE_BODY,
    );
    expect(forged.status).toBe(403);
    expect(forged.setCookies).toEqual([]);
    const own = await signInRequest(pub.url, { identity: 'alice.approver' }, { origin: PUBLIC });
    expect(own.status).toBe(200);
    // the address it listens on is not PUBLIC_URL: a page served from there is not ours
    const local = await signInRequest(pub.url, { identity: 'alice.approver' }, { origin: pub.url });
    expect(local.status).toBe(403);
  });

  it('/auth/login sends PUBLIC_URL’s callback as redirect_uri whatever Host says', async () => {
    const answer = await rawRequest(pub.url, 'GET /auth/login?returnTo=/inbox HTTP/1.1\r\nHost: evil.example');
    expect(answer.status).toBe(302);
    const authorize = new URL(answer.headers.location!);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/auth/callback`);
    expect(authorize.origin).toBe(PUBLIC);
  });

  it('is required in tenant mode unless the server listens on loopback', () => {
    const tenant = { SAIL_BASE_URL: 'https://acme.api.identitynow.com', SESSION_SECRET: 'x'.repeat(40) };
    for (const host of ['0.0.0.0', '::', '10.1.2.3', 'inbox.internal']) {
      expect(() => loadConfig({ ...tenant, HOST: host }), host).toThrow(ConfigError);
      expect(() => loadConfig({ ...tenant, HOST: host }), host).toThrow(/PUBLIC_URL is required.*HOST/);
      expect(loadConfig({ ...tenant, HOST: host, PUBLIC_URL: PUBLIC }).publicUrl, host).toBe(PUBLIC);
    }
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) {
      expect(loadConfig({ ...tenant, HOST: host }).publicUrl, host).toBeUndefined();
    }
    // the sandbox on every interface stays possible without it (a demo on the local network)
    expect(loadConfig({ HOST: '0.0.0.0' }).mode).toBe('sandbox');
  });
});
