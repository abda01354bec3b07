// What crosses the proxy, attacked with raw requests against a fake tenant that records what reaches it: only an
// allow-list of request headers goes up (no method overrides, no address spoofing, no doubled tricks), the
// tenant's identifying and redirecting headers do not come back, a gzip body goes up decompressed and labelled
// as such, a gzip bomb is refused, and absolute-form or encoded targets reach nothing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTING_IDENTITY_HEADER } from '../../contract/session.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { dribble, hostOf, rawRequest } from '../test/http.ts';

const SECRET = 'proxy-hardening-secret-0123456789abcdef0123456';
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-encoding',
  'accept-language',
  'authorization',
  'content-length',
  'content-type',
  'user-agent',
];
/** What undici adds on its own hop. */
const HOP_HEADERS = ['connection', 'host'];

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

let seen: Seen[] = [];
let upstream: http.Server;
let proxy: TestServer;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-total-count': '3',
        'retry-after': '2',
        server: 'nginx/1.2.3 (tenant-pod-7)',
        'x-powered-by': 'Express',
        location: 'https://acme.api.identitynow.com/v3/somewhere',
        'content-location': 'https://acme.api.identitynow.com/v3/x',
        refresh: '0;url=https://evil.example',
        'content-security-policy': 'default-src *',
        'x-frame-options': 'ALLOWALL',
        'set-cookie': 'tenant=1; Path=/',
        'x-tenant-debug': 'pod-7 build 42',
      });
      res.end('[]');
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  proxy = await startTestServer({ SAIL_BASE_URL: upstreamUrl, SESSION_SECRET: SECRET });
});

afterAll(async () => {
  await proxy?.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

beforeEach(() => {
  seen = [];
});

const host = () => hostOf(proxy.url);

describe('request headers: an allow-list', () => {
  it('Transfer-Encoding with Content-Length (request smuggling) is refused before the proxy', async () => {
    const answer = await rawRequest(
      proxy.url,
      `POST /v3/work-items/bulk-approve/abc HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer t\r\n` +
        'Content-Length: 2\r\nTransfer-Encoding: chunked',
      '0\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    expect(seen).toEqual([]);
  });

  it('forwards only the allow-listed headers, whatever else the client sends', async () => {
    const answer = await rawRequest(
      proxy.url,
      [
        'POST /v3/work-items/bulk-approve/abc HTTP/1.1',
        `Host: ${host()}`,
        'Authorization: Bearer own-token',
        'Content-Type: application/json',
        'Content-Length: 2',
        'Accept: application/json',
        'Accept-Language: de-CH',
        'Accept-Encoding: identity',
        'User-Agent: attack-test',
        'X-HTTP-Method-Override: DELETE',
        'X-Original-URL: /v3/identities',
        'X-Rewrite-URL: /v3/identities',
        'True-Client-IP: 10.0.0.1',
        'X-Client-IP: 10.0.0.3',
        'Via: 1.1 evil',
        'Forwarded: for=10.0.0.4;host=evil.example',
        'Cookie: other=y',
        'Origin: https://evil.example',
        'X-Custom: 1',
        'X-Custom: 2',
        'Sec-Fetch-Site: cross-site',
        'Proxy-Authorization: Basic eDp5',
        // the page's own header: checked here against the session, never the tenant's business
        `${ACTING_IDENTITY_HEADER}: someone-else`,
      ].join('\r\n'),
      '{}',
    );
    expect(answer.status).toBe(200);
    expect(seen).toHaveLength(1);
    const names = Object.keys(seen[0]!.headers).sort();
    expect(names.filter((n) => !HOP_HEADERS.includes(n))).toEqual(FORWARDED_REQUEST_HEADERS);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('/v3/work-items/bulk-approve/abc');
    expect(seen[0]!.headers).toMatchObject({
      authorization: 'Bearer own-token',
      'accept-language': 'de-CH',
      'user-agent': 'attack-test',
      'content-length': '2',
    });
    expect(seen[0]!.body.toString()).toBe('{}');
  });

  it('a doubled Authorization or Content-Type does not smuggle a second value upstream', async () => {
    const answer = await rawRequest(
      proxy.url,
      [
        'GET /v3/work-items HTTP/1.1',
        `Host: ${host()}`,
        'Authorization: Bearer first',
        'Authorization: Bearer second',
        'Accept: application/json',
        'Accept: text/html',
      ].join('\r\n'),
    );
    expect(answer.status).toBe(200);
    const raw = seen[0]!.rawHeaders;
    const values = (name: string) => raw.filter((_, i) => i % 2 === 0 && raw[i]!.toLowerCase() === name);
    expect(values('authorization')).toHaveLength(1);
    expect(seen[0]!.headers.authorization).toBe('Bearer first');
  });
});

describe('no credentials: answered here', () => {
  it.each(['/v3/work-items/bulk-approve/abc', '/access-request-approvals/v1/abc/approve'])(
    'POST %s without a session or a token: 401 before its 1 MB body is sent, the tenant never asked',
    async (target) => {
      const head =
        `POST ${target} HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\n` +
        'Content-Length: 1048576\r\nConnection: close\r\n\r\n';
      const answer = await dribble(proxy.url, [head], 0, 10_000);
      expect(answer.closedAfterMs).toBeLessThan(10_000);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(/JWT is required/) });
      expect(seen).toEqual([]);
    },
  );
});

describe('methods: only the operations', () => {
  it.each(['/v3/work-items', '/v3/work-items/count', '/v3/public-identities', '/access-request-approvals/v1/pending'])(
    'HEAD %s is not forwarded (HEAD is no operation of these APIs)',
    async (target) => {
      const answer = await rawRequest(
        proxy.url,
        `HEAD ${target} HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer t`,
      );
      expect(answer.status).toBe(404);
      expect(seen).toEqual([]);
    },
  );
});

describe('response headers', () => {
  it("does not pass back the tenant's Server, X-Powered-By, Location, Refresh, cookies or its own policies", async () => {
    const answer = await rawRequest(
      proxy.url,
      `GET /v3/work-items?count=true HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer t`,
    );
    expect(answer.status).toBe(200);
    for (const name of [
      'server',
      'x-powered-by',
      'location',
      'content-location',
      'refresh',
      'set-cookie',
      'x-tenant-debug',
    ]) {
      expect(answer.headers[name], name).toBeUndefined();
    }
    // ours, not the tenant's
    expect(answer.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(answer.headers['x-frame-options']).toBe('DENY');
    // what the page needs comes through
    expect(answer.headers['x-total-count']).toBe('3');
    expect(answer.headers['retry-after']).toBe('2');
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(answer.body).toBe('[]');
  });
});

describe('bodies', () => {
  it('a gzip request body goes up decompressed, without Content-Encoding, with its real length', async () => {
    const json = JSON.stringify({ comment: 'ü'.repeat(300), targetOwnerId: 'x' });
    const gz = gzipSync(json);
    const response = await fetch(`${proxy.url}/v3/work-items/abc/forward`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gz,
    });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['content-encoding']).toBeUndefined();
    expect(seen[0]!.body.toString('utf8')).toBe(json);
    expect(Number(seen[0]!.headers['content-length'])).toBe(Buffer.byteLength(json));
  });

  it('a gzip bomb (a few KB that inflate past 1 MB) is refused with 413 and forwards nothing', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const response = await fetch(`${proxy.url}/v3/work-items/abc/forward`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(response.status).toBe(413);
    expect((await response.json()).detailCode).toMatch(/^413/);
    expect(seen).toEqual([]);
  });
});

describe('targets that reach nothing', () => {
  it.each([
    'GET http://evil.example/v3/work-items HTTP/1.1',
    'GET http://127.0.0.1/v3/work-items HTTP/1.1',
    'GET /%76%33/work-items HTTP/1.1',
    'GET /v3/%77ork-items HTTP/1.1',
    'GET /v3/work-items/%2e%2e/identities HTTP/1.1',
    'GET /work-items/v1/..%2f..%2fv3/identities HTTP/1.1',
    'GET //v3/work-items HTTP/1.1',
    'GET /v3/work-items/x;y HTTP/1.1',
  ])('%s → 4xx ErrorResponseDto, nothing forwarded', async (line) => {
    const answer = await rawRequest(proxy.url, `${line}\r\nHost: ${host()}\r\nAuthorization: Bearer t`);
    expect([400, 404]).toContain(answer.status);
    expect(JSON.parse(answer.body)).toHaveProperty('trackingId');
    expect(seen).toEqual([]);
  });
});
