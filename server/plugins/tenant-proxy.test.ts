// The proxy's edges, against a tiny fake tenant (a real local HTTP server that records what reaches it): the
// allow-list, headers in both directions, bodies byte for byte, 504 on a tenant that hangs, 502 on one that is
// not there. The attacks on headers and bodies: tenant-proxy-hardening.test.ts.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorResponseDto } from '../../contract/work-items.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { isForwardablePath } from './tenant-proxy.ts';

const SECRET = 'proxy-test-secret-0123456789abcdef0123456789';
const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const IDENTITY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A JWT-shaped token the session layer can read claims from (the fake tenant does not sign anything). */
function fakeJwt(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ identity_id: IDENTITY, user_name: 'pat.person', exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`;
}

let seen: Seen[] = [];
let upstream: http.Server;
let upstreamUrl: string;
let proxy: TestServer;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '').split('?')[0]!;
      if (path === '/oauth/token') {
        if (body.includes('client_id=hang')) return; // never answers
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ access_token: fakeJwt(), token_type: 'bearer', expires_in: 3600 }));
      }
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (path.endsWith('/hang')) return; // never answers
      if (path === '/v3/public-identities') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify([{ id: IDENTITY, name: 'Pat Person' }]));
      }
      if (path === '/v3/work-items/limited') {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
        return res.end(JSON.stringify({ message: 'Rate Limit Exceeded' }));
      }
      if (path === '/v3/work-items/unavailable') {
        res.writeHead(503, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ detailCode: '503', messages: [] }));
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-total-count': '1234',
        'set-cookie': 'tenant-session=secret; Path=/; HttpOnly',
        'access-control-allow-origin': '*',
        'cache-control': 'public, max-age=600',
        'x-tenant-header': 'kept',
      });
      res.end(JSON.stringify({ echo: body }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  proxy = await startTestServer({ SAIL_BASE_URL: upstreamUrl, SESSION_SECRET: SECRET, PROXY_TIMEOUT_MS: '400' });
});

afterAll(async () => {
  await proxy?.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

beforeEach(() => {
  seen = [];
});

async function signIn(server: TestServer, clientId = 'pat.person') {
  const response = await fetch(`${server.url}/auth/session`, {
    method: 'POST',
    headers: { ...XHR, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, clientSecret: 'x' }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  return { response, cookie };
}

/** A request exactly as written (fetch would normalise `..`, encodings, Host and the target's form away). */
function rawRequest(url: string, request: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let data = '';
    socket.on('data', (c) => (data += c.toString('utf8')));
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
    socket.on('error', reject);
  });
}

function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return rawRequest(url, `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
}

function httpGet(url: string, headers: http.OutgoingHttpHeaders): Promise<{ status: number; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => {
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : [value ?? '']) out.append(name, v);
        }
        resolve({ status: res.statusCode ?? 0, headers: out });
      });
    });
    req.on('error', reject);
  });
}

describe('the allow-list', () => {
  it('knows exactly which paths it forwards', () => {
    for (const ok of [
      '/v3/work-items',
      '/v3/work-items/completed/count',
      '/v3/work-items/abc123/approve/def456',
      '/v3/work-items/bulk-approve/abc',
      '/v3/public-identities',
    ]) {
      expect(isForwardablePath(ok), ok).toBe(true);
    }
    for (const no of [
      '/v3/identities',
      '/v3',
      '/v3/work-items/',
      '/v3/work-items/../identities',
      '/v3/work-items/./x',
      '/v3/work-items/%2e%2e/identities',
      '/v3/work-items/a%2Fb',
      '/v3/work-items/a\\b',
      '/v3/work-items/a/b/c/d/e',
      '/v3/public-identities/123',
      '/v3/work-itemsX',
      '/oauth/authorize',
    ]) {
      expect(isForwardablePath(no), no).toBe(false);
    }
  });

  it('answers 404 ErrorResponseDto for paths outside it, and forwards nothing', async () => {
    const { cookie } = await signIn(proxy);
    seen = [];
    for (const path of [
      '/v3/identities',
      '/v3/../admin',
      '/v3/work-items/../../admin',
      '/v3/work-items/%2e%2e/%2e%2e/oauth/token',
      '/v3/work-items/x%2F..%2F..%2Fadmin',
      '/oauth/authorize?response_type=code',
      '/oauth/token',
      '/v3/accounts',
      '/v3/public-identities/x',
    ]) {
      const answer = await rawGet(proxy.url, path);
      expect(answer.status, path).toBe(404);
      expect((JSON.parse(answer.body) as ErrorResponseDto).detailCode, path).toMatch(/^404/);
    }
    // other methods on allowed paths are not forwarded either
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(`${proxy.url}/v3/work-items/abc`, { method, headers: { ...XHR, cookie: cookie! } });
      expect(res.status, method).toBe(404);
    }
    expect((await fetch(`${proxy.url}/v3/public-identities`, { method: 'POST', headers: XHR })).status).toBe(404);
    expect(seen).toEqual([]);
  });

  it('never takes the upstream from the request (Host, absolute-form URL)', async () => {
    // A second server, the one a forged Host or an absolute-form request target names: it must see nothing.
    const elsewhere: string[] = [];
    const evil = http.createServer((req, res) => {
      elsewhere.push(`${req.method} ${req.url}`);
      res.end('{}');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    const evilHost = `127.0.0.1:${(evil.address() as AddressInfo).port}`;
    try {
      // A forged Host (and the forwarding headers): forwarded, to SAIL_BASE_URL, with the tenant's own Host.
      const forged = await rawRequest(
        proxy.url,
        `GET /v3/work-items?limit=1 HTTP/1.1\r\nHost: ${evilHost}\r\nX-Forwarded-Host: ${evilHost}\r\nAuthorization: Bearer t\r\n` +
          `Forwarded: host=${evilHost}\r\nConnection: close\r\n\r\n`,
      );
      expect(forged.status).toBe(200);
      expect(seen.map((s) => s.url)).toEqual(['/v3/work-items?limit=1']);
      expect(seen[0]!.headers.host).toBe(new URL(upstreamUrl).host);
      // An absolute-form target naming the other server, with either Host: refused before routing (400 naming the
      // request target), forwarded nowhere.
      for (const host of [evilHost, new URL(proxy.url).host]) {
        const absolute = await rawRequest(
          proxy.url,
          `GET http://${evilHost}/v3/work-items HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
        );
        expect(absolute.status, host).toBe(400);
        expect((JSON.parse(absolute.body) as ErrorResponseDto).detailCode).toMatch(/^400/);
      }
      expect(seen).toHaveLength(1);
      expect(elsewhere).toEqual([]);
    } finally {
      evil.closeAllConnections();
      await new Promise((resolve) => evil.close(resolve));
    }
  });
});

describe('headers and bodies', () => {
  it('forwards the bearer token from the session, but no cookies, hop-by-hop or browser headers', async () => {
    const { response, cookie } = await signIn(proxy);
    expect(response.status).toBe(200);
    seen = [];
    // node:http, not fetch: fetch refuses to send Connection / Keep-Alive itself
    const res = await httpGet(`${proxy.url}/v3/work-items?limit=5&count=true`, {
      cookie: `${cookie}; other=1`,
      connection: 'keep-alive, x-hop-secret',
      'x-hop-secret': 'must-not-pass',
      'keep-alive': 'timeout=5',
      origin: proxy.url,
      referer: `${proxy.url}/inbox`,
      'x-forwarded-for': '10.1.2.3',
      'accept-language': 'de-CH',
    });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    const forwarded = seen[0]!;
    expect(forwarded.url).toBe('/v3/work-items?limit=5&count=true');
    expect(forwarded.headers.authorization).toMatch(/^Bearer eyJ/);
    for (const name of ['cookie', 'x-hop-secret', 'keep-alive', 'origin', 'referer', 'x-forwarded-for']) {
      expect(forwarded.headers[name], name).toBeUndefined();
    }
    expect(forwarded.headers['accept-language']).toBe('de-CH');

    // and back: status, X-Total-Count and the tenant's own headers, but no Set-Cookie, no CORS, never cached
    expect(res.headers.get('x-total-count')).toBe('1234');
    expect(res.headers.get('x-tenant-header')).toBeNull(); // response headers come back by allow-list
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('passes a caller’s own Authorization through untouched (curl, the SDK)', async () => {
    const res = await fetch(`${proxy.url}/v3/work-items/count`, { headers: { authorization: 'Bearer mine' } });
    expect(res.status).toBe(200);
    expect(seen[0]!.headers.authorization).toBe('Bearer mine');
  });

  it('sends request bodies byte for byte, with their content type', async () => {
    const { cookie } = await signIn(proxy);
    seen = [];
    const body = '{ "comment" : "spaces  kept", "n": 1.50 }';
    const res = await fetch(`${proxy.url}/v3/work-items/abc/forward`, {
      method: 'POST',
      headers: { ...XHR, cookie: cookie!, 'content-type': 'application/json; charset=utf-8' },
      body,
    });
    expect(res.status).toBe(200);
    expect(seen[0]!.body).toBe(body);
    expect(seen[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(seen[0]!.headers['x-requested-with']).toBeUndefined();

    // an empty POST (the SDK's approve) stays empty
    seen = [];
    const empty = await fetch(`${proxy.url}/v3/work-items/abc/approve/def`, {
      method: 'POST',
      headers: { ...XHR, cookie: cookie! },
    });
    expect(empty.status).toBe(200);
    expect(seen[0]!.body).toBe('');
  });

  it('refuses bodies over 1 MB with 413 and forwards nothing', async () => {
    const { cookie } = await signIn(proxy);
    seen = [];
    const res = await fetch(`${proxy.url}/v3/work-items/abc/forward`, {
      method: 'POST',
      headers: { ...XHR, cookie: cookie!, 'content-type': 'application/json' },
      body: JSON.stringify({ comment: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
    expect(seen).toEqual([]);
  });

  it("passes the tenant's 429 with Retry-After, and its 503, through unchanged (no silent retries)", async () => {
    const limited = await fetch(`${proxy.url}/v3/work-items/limited`, { headers: { authorization: 'Bearer t' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({ message: 'Rate Limit Exceeded' });
    seen = [];
    const unavailable = await fetch(`${proxy.url}/v3/work-items/unavailable`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(unavailable.status).toBe(503);
    expect(seen).toHaveLength(1);
  });
});

describe('a tenant that does not answer', () => {
  it('answers 504 ErrorResponseDto when the tenant hangs past PROXY_TIMEOUT_MS', async () => {
    const started = Date.now();
    const res = await fetch(`${proxy.url}/v3/work-items/hang`, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(5000);
    const body = (await res.json()) as ErrorResponseDto;
    expect(body.detailCode).toMatch(/^504/);
    expect(body.messages![0]!.text).toMatch(/did not answer within 400 ms/);
    expect(body.messages![0]!.text).not.toContain('127.0.0.1');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 504 at sign-in when the token endpoint hangs', async () => {
    const { response } = await signIn(proxy, 'hang');
    expect(response.status).toBe(504);
    expect(((await response.json()) as ErrorResponseDto).messages![0]!.text).toMatch(/token endpoint.*did not answer/);
  });

  it('answers 502 ErrorResponseDto when the tenant cannot be reached, at sign-in and on /v3, without its address', async () => {
    // a port that was free a moment ago: nothing listens there
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const base = `http://127.0.0.1:${port}`;
    const gone = await startTestServer({ SAIL_BASE_URL: base, SESSION_SECRET: SECRET });
    try {
      const res = await fetch(`${gone.url}/v3/work-items`, { headers: { authorization: 'Bearer t' } });
      expect(res.status).toBe(502);
      const text = await res.text();
      expect((JSON.parse(text) as ErrorResponseDto).messages![0]!.text).toMatch(/The tenant could not be reached/);
      const { response } = await signIn(gone);
      expect(response.status).toBe(502);
      const signInText = await response.text();
      expect((JSON.parse(signInText) as ErrorResponseDto).messages![0]!.text).toMatch(
        /token endpoint could not be reached/,
      );
      // where the tenant is, is the operator's business: not in an answer
      for (const body of [text, signInText]) expect(body).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${port}`));
    } finally {
      await gone.close();
    }
  });
});
