// Graceful shutdown of the real `npm start` entry point, in tenant mode in front of a fake tenant: on SIGTERM a
// request in flight (a slow tenant answer through the proxy) still completes, then the process exits 0; a request
// that would never finish is cut once the drain cap (SHUTDOWN_GRACE_MS, 25 s by default; 1 s here) has passed,
// and the process exits all the same.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startChildServer } from './test/child-server.ts';

let upstream: http.Server;
let upstreamUrl: string;
/** Resolvers waiting for the tenant to receive a request for a path: the proof that it is in flight. */
const arrivals = new Map<string, () => void>();
const arrived = (path: string) => new Promise<void>((resolve) => arrivals.set(path, resolve));

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    arrivals.get(path)?.();
    if (path === '/v3/work-items/hang') return; // never answers
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"count":3}');
    }, 1500);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

const tenantMode = (env: Record<string, string> = {}) =>
  startChildServer({
    SAIL_BASE_URL: upstreamUrl,
    SESSION_SECRET: 'shutdown-test-secret-0123456789abcdef0123',
    ...env,
  });

it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
  const server = await tenantMode();
  try {
    const reached = arrived('/v3/work-items/count');
    const inFlight = fetch(`${server.url}/v3/work-items/count`, { headers: { authorization: 'Bearer t' } });
    await reached;
    server.process.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ count: 3 });
    expect(await server.exited).toMatchObject({ code: 0 });
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  } finally {
    await server.stop('SIGKILL');
  }
});

it('cuts a request that never finishes once SHUTDOWN_GRACE_MS has passed, then exits 0', async () => {
  // The proxy itself would wait two minutes for the tenant: only the drain cap can end this request.
  const server = await tenantMode({
    SHUTDOWN_GRACE_MS: '1000',
    PROXY_TIMEOUT_MS: '120000',
    CONNECTION_TIMEOUT_MS: '180000',
  });
  try {
    const reached = arrived('/v3/work-items/hang');
    const inFlight = fetch(`${server.url}/v3/work-items/hang`, { headers: { authorization: 'Bearer t' } }).then(
      (response) => `answered ${response.status}`,
      () => 'cut',
    );
    await reached;
    const signalled = Date.now();
    server.process.kill('SIGTERM');
    const exit = await Promise.race([
      server.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running after 30 s'), 30_000)),
    ]);
    const drained = Date.now() - signalled;
    expect(exit).toMatchObject({ code: 0 });
    expect(await inFlight).toBe('cut');
    expect(drained, 'waited out the cap').toBeGreaterThanOrEqual(1000);
    // cut at the 1 s cap (slack for a slow machine), not at the 25 s default nor the proxy's two minutes
    expect(drained, 'cut at the cap').toBeLessThan(10_000);
    expect(server.output()).toMatch(/still busy after 1000 ms: closing the remaining connections/);
  } finally {
    await server.stop('SIGKILL');
  }
});
