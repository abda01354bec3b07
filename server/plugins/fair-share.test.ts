// One session cannot starve the others through the tenant proxy. A stand-in tenant holds every work-item call until
// the test lets it go (a slow tenant, without a clock): session A fires more than its share, and the excess waits
// in line, then is refused with a 429 and Retry-After, while session B's call goes straight through. Then the
// share's wait limit, on vitest's controllable clock.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../errors.ts';
import { sessionCookieOf, signInRequest } from '../test/http.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { FairShare } from './fair-share.ts';

const SECRET = 'fair-share-test-secret-0123456789abcdef0123456';

/** A token the session code can read (it does not verify a tenant's token; the tenant would). */
function tokenOf(identityId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ identity_id: identityId, exp: Math.floor(Date.now() / 1000) + 3600 })}.x`;
}

interface Held {
  who: string;
  release: () => void;
}
const held: Held[] = [];
let waiters: { count: number; resolve: () => void }[] = [];
let tenant: http.Server;
let proxy: TestServer;

/** Resolves once `count` calls are being held at the tenant. */
const heldAtTenant = (count: number) =>
  new Promise<void>((resolve) => {
    if (held.length >= count) resolve();
    else waiters.push({ count, resolve });
  });

beforeAll(async () => {
  tenant = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/oauth/token') {
        const clientId = new URLSearchParams(Buffer.concat(chunks).toString()).get('client_id') ?? '';
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ access_token: tokenOf(clientId), expires_in: 3600 }));
      }
      if (!req.url?.startsWith('/v3/work-items')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end('{}');
      }
      held.push({
        who: JSON.parse(Buffer.from(req.headers.authorization!.split('.')[1]!, 'base64url').toString()).identity_id,
        release: () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('[]');
        },
      });
      waiters = waiters.filter((w) => (held.length >= w.count ? (w.resolve(), false) : true));
    });
  });
  await new Promise<void>((resolve) => tenant.listen(0, '127.0.0.1', resolve));
  proxy = await startTestServer({
    SAIL_BASE_URL: `http://127.0.0.1:${(tenant.address() as AddressInfo).port}`,
    SESSION_SECRET: SECRET,
    PROXY_SESSION_IN_FLIGHT: '2',
    PROXY_SESSION_QUEUE: '2',
  });
});
afterAll(async () => {
  for (const h of held) h.release();
  await proxy?.close();
  tenant.closeAllConnections();
  await new Promise((resolve) => tenant.close(resolve));
});

/** Resolves once the proxy has received `count` more work-item calls (their heads read, routing begun). */
function receivedByProxy(count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const listener = (req: http.IncomingMessage) => {
      if (!req.url?.startsWith('/v3/work-items') || (seen += 1) < count) return;
      proxy.app.server.off('request', listener);
      resolve();
    };
    proxy.app.server.on('request', listener);
  });
}

const signIn = async (clientId: string) =>
  sessionCookieOf(await signInRequest(proxy.url, { clientId, clientSecret: 'any' }));

describe('each session has its share of the tenant proxy', () => {
  it("a session's excess waits, then is refused with 429 + Retry-After; another session goes straight through", async () => {
    const alice = await signIn('alice');
    const bob = await signIn('bob');
    const aliceCall = () => fetch(`${proxy.url}/v3/work-items`, { headers: { cookie: alice } });

    // 2 at the tenant, 2 waiting in line (all 4 received before the fifth is sent)
    const arrived = receivedByProxy(4);
    const inShare = [aliceCall(), aliceCall(), aliceCall(), aliceCall()];
    await arrived;
    await heldAtTenant(2);
    const refused = await aliceCall();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({ message: expect.stringMatching(/Too many requests at once/) });

    // bob is not behind alice's line
    const bobCall = fetch(`${proxy.url}/v3/work-items/count`, { headers: { cookie: bob } });
    await heldAtTenant(3);
    expect(held.map((h) => h.who)).toEqual(['alice', 'alice', 'bob']);

    // as alice's calls are answered, her waiting ones go up, two at a time; all are answered
    for (const h of held.splice(0)) h.release();
    await heldAtTenant(2);
    expect(held.map((h) => h.who)).toEqual(['alice', 'alice']);
    for (const h of held.splice(0)) h.release();
    expect((await Promise.all([...inShare, bobCall])).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('the wait for a slot is bounded', () => {
  afterEach(() => vi.useRealTimers());

  it('a request waiting longer than the wait limit is refused with a 429; the one running keeps its slot', async () => {
    vi.useFakeTimers();
    const share = new FairShare({ inFlight: 1, queued: 1, waitMs: 1000 });
    let finish!: () => void;
    const running = share.run(
      'alice',
      () => new Promise<void>((resolve) => (finish = resolve)),
      new AbortController().signal,
    );
    let started = false;
    const waiting = share.run('alice', async () => void (started = true), new AbortController().signal);
    const outcome = waiting.then(
      () => 'ran',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(1001);
    const refusal = await outcome;
    expect(refusal).toBeInstanceOf(ApiProblem);
    expect((refusal as ApiProblem).statusCode).toBe(429);
    expect((refusal as ApiProblem).headers['retry-after']).toBe('1');
    expect(started).toBe(false);
    finish();
    await running;
    expect(share.callers).toBe(0);
  });
});

describe('the line', () => {
  /** A forward that runs until the test finishes it, and says that it started. */
  const held = () => {
    const call = { started: false, finish: () => {} };
    const forward = () =>
      new Promise<void>((resolve) => {
        call.started = true;
        call.finish = resolve;
      });
    return { call, forward };
  };
  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it('hands a freed slot to the first in line, never to a newcomer', async () => {
    const share = new FairShare({ inFlight: 1, queued: 2, waitMs: 60_000 });
    const gone = new AbortController().signal;
    const [a, b, c, d] = [held(), held(), held(), held()];
    const runs = [share.run('alice', a.forward, gone), share.run('alice', b.forward, gone)];
    runs.push(share.run('alice', c.forward, gone));
    a.call.finish();
    await settled();
    // b took a's slot; d arrives while b runs and c waits: it queues behind c instead of starting
    runs.push(share.run('alice', d.forward, gone));
    await settled();
    expect([b.call.started, c.call.started, d.call.started]).toEqual([true, false, false]);
    b.call.finish();
    await settled();
    expect([c.call.started, d.call.started]).toEqual([true, false]);
    c.call.finish();
    await settled();
    d.call.finish();
    await Promise.all(runs);
    expect(share.callers).toBe(0);
  });

  it('a request whose client goes while it waits is never forwarded, and its place in line is freed', async () => {
    const share = new FairShare({ inFlight: 1, queued: 1, waitMs: 60_000 });
    const [a, b, c] = [held(), held(), held()];
    const running = share.run('alice', a.forward, new AbortController().signal);
    const client = new AbortController();
    const waiting = share.run('alice', b.forward, client.signal);
    client.abort();
    await expect(waiting).resolves.toBeUndefined();
    // its place is free again: the next one waits instead of being refused
    const next = share.run('alice', c.forward, new AbortController().signal);
    a.call.finish();
    await running;
    await settled();
    expect([b.call.started, c.call.started]).toEqual([false, true]);
    c.call.finish();
    await next;
    expect(share.callers).toBe(0);
  });

  it("takes the response itself as the client's presence: its close ends a wait, destroyed means gone", async () => {
    const share = new FairShare({ inFlight: 1, queued: 1, waitMs: 60_000 });
    const response = () => Object.assign(new EventEmitter(), { destroyed: false }) as unknown as http.ServerResponse;
    const [a, b] = [held(), held()];
    const running = share.run('alice', a.forward, response());
    const hungUp = response();
    const waiting = share.run('alice', b.forward, hungUp);
    Object.assign(hungUp, { destroyed: true }).emit('close');
    await expect(waiting).resolves.toBeUndefined();
    expect(hungUp.listenerCount('close')).toBe(0);
    a.call.finish();
    await running;
    expect(b.call.started).toBe(false);
    expect(share.callers).toBe(0);
  });
});
