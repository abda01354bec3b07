// How the proxy sends the tenant's answers on (tenant-proxy.ts, `answer`), against a fake tenant: a small plain
// answer goes out as it came (not compressed, its length kept), a big plain one is compressed once with its length
// known, one the tenant encoded passes byte for byte, one without a length is still compressed as a stream, and
// one cut off mid-body is a 502 ErrorResponseDto.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto } from '../../contract/work-items.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

const SMALL = JSON.stringify({ count: 100047 });
const BIG = JSON.stringify(
  Array.from({ length: 400 }, (_, i) => ({ id: i.toString(16).padStart(32, '0'), name: `Access request ${i}` })),
);
const GZIPPED = zlib.gzipSync(Buffer.from(BIG));

let tenant: http.Server;
let proxy: TestServer;

beforeAll(async () => {
  tenant = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const json = { 'content-type': 'application/json' };
    if (path === '/v3/work-items/count') {
      res.writeHead(200, { ...json, 'content-length': Buffer.byteLength(SMALL) });
      return res.end(SMALL);
    }
    if (path === '/v3/work-items') {
      res.writeHead(200, { ...json, 'content-length': Buffer.byteLength(BIG), 'x-total-count': '400' });
      return res.end(BIG);
    }
    if (path === '/v3/work-items/encoded') {
      res.writeHead(200, { ...json, 'content-encoding': 'gzip', 'content-length': GZIPPED.length });
      return res.end(GZIPPED);
    }
    if (path === '/v3/work-items/unsized') {
      res.writeHead(200, json); // chunked: no length known in advance
      res.write(BIG.slice(0, 1000));
      return res.end(BIG.slice(1000));
    }
    if (path === '/v3/work-items/cut-off') {
      res.writeHead(200, { ...json, 'content-length': Buffer.byteLength(BIG) });
      res.write(BIG.slice(0, 100));
      return setTimeout(() => res.destroy(), 20);
    }
    res.writeHead(404, json).end('{}');
  });
  await new Promise<void>((resolve) => tenant.listen(0, '127.0.0.1', resolve));
  const tenantUrl = `http://127.0.0.1:${(tenant.address() as AddressInfo).port}`;
  proxy = await startTestServer({
    SAIL_BASE_URL: tenantUrl,
    SESSION_SECRET: 'answers-test-secret-0123456789abcdef01234',
  });
});

afterAll(async () => {
  await proxy?.close();
  tenant.closeAllConnections();
  await new Promise((resolve) => tenant.close(resolve));
});

/** A GET through the proxy as a browser sends it, with the body's bytes as they came over the wire. */
function get(path: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: Buffer }>((resolve, reject) => {
    const headers = { authorization: 'Bearer t', 'accept-encoding': 'gzip, deflate, br' };
    http
      .get(`${proxy.url}${path}`, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decoded = (r: { headers: http.IncomingHttpHeaders; raw: Buffer }) => {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(r.raw).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(r.raw).toString('utf8');
  return r.raw.toString('utf8');
};

describe("the proxy sends the tenant's answers on", () => {
  it('a small plain answer as it came: not compressed, its length kept', async () => {
    const r = await get('/v3/work-items/count');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-length']).toBe(String(Buffer.byteLength(SMALL)));
    expect(r.raw.toString('utf8')).toBe(SMALL);
  });

  it('a big plain answer compressed once, with its compressed length, the tenant’s headers kept', async () => {
    const r = await get('/v3/work-items?limit=250');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-length']).toBe(String(r.raw.length));
    expect(r.raw.length).toBeLessThan(Buffer.byteLength(BIG) / 3);
    expect(r.headers['x-total-count']).toBe('400');
    expect(decoded(r)).toBe(BIG);
  });

  it('an answer the tenant encoded byte for byte', async () => {
    const r = await get('/v3/work-items/encoded');
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.raw.equals(GZIPPED)).toBe(true);
  });

  it('an answer of unknown length still compressed, as a stream', async () => {
    const r = await get('/v3/work-items/unsized');
    expect(r.headers['content-encoding']).toBe('br');
    expect(decoded(r)).toBe(BIG);
  });

  it('an answer cut off mid-body as a 502 ErrorResponseDto', async () => {
    const r = await get('/v3/work-items/cut-off');
    expect(r.status).toBe(502);
    const body = JSON.parse(decoded(r)) as ErrorResponseDto;
    expect(body.detailCode).toBeTruthy();
    expect(body.messages?.[0]?.text).toMatch(/could not be reached/);
  });
});
