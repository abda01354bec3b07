import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto, WorkItem } from '../../../contract/work-items.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { FaultInjector } from './injector.ts';
import { formatFaults, parseFaults } from './rules.ts';
import { allPending, client, dumpDb, tokenFor, type Call } from '../../test/sandbox.ts';
import { hostOf, rawRequest } from '../../test/http.ts';

describe('SANDBOX_FAULTS syntax', () => {
  it('parses methods, wildcards, effects, probability and count', () => {
    expect(
      parseFaults(
        'POST /v3/work-items/*/approve/*=status:500@0.5; GET /v3/work-items=latency:3000\n' +
          '/v3/**=status:429,retry-after:3,count:2;POST /v3/work-items/bulk-approve/*=drop,count:1',
      ),
    ).toEqual([
      { method: 'POST', path: '/v3/work-items/*/approve/*', status: 500, probability: 0.5 },
      { method: 'GET', path: '/v3/work-items', latencyMs: 3000 },
      { path: '/v3/**', status: 429, retryAfter: 3, count: 2 },
      { method: 'POST', path: '/v3/work-items/bulk-approve/*', drop: true, count: 1 },
    ]);
    expect(parseFaults('')).toEqual([]);
    expect(parseFaults(' ; ')).toEqual([]);
  });

  it('round-trips through formatFaults', () => {
    const spec = 'POST /v3/work-items/*/approve/*=status:500@0.5;GET /v3/work-items=latency:3000;/v3/**=drop,count:2';
    expect(formatFaults(parseFaults(spec))).toBe(spec);
  });

  it.each([
    ['/v3/work-items', 'PATH=EFFECT'],
    ['/v3/work-items=', 'unknown effect'],
    ['/v3/work-items=status:418', 'status must be one of'],
    ['/v3/work-items=status:500,drop', 'either drops'],
    ['/v3/work-items=latency:-1', 'whole number'],
    ['/v3/work-items=latency:99999999', 'between 0 and 60000'],
    ['/v3/work-items=status:500@1.5', 'probability'],
    ['/v3/work-items=count:0', 'count must be between'],
    ['/v3/work-items=count:2', 'at least one of'],
    ['/v3/work-items=status:500,retry-after:3', 'retry-after only goes with status:429'],
    ['FETCH /v3/work-items=drop', 'method "FETCH"'],
    ['v3/work-items=drop', 'must start with "/"'],
    ['/v3/**/x=drop', 'last segment'],
    ['/v3/work*=drop', 'whole segment'],
    ['/sandbox/faults=drop', 'cannot be faulted'],
    ['/v3/work-items=status:500,status:503', 'given twice'],
  ])('refuses %s (%s)', (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(message);
  });

  it('matches one segment per *, any rest with **, and the first live rule wins', () => {
    const f = new FaultInjector('GET /v3/work-items/*=status:503,count:1;/v3/**=latency:5');
    expect(f.pick('GET', '/v3/work-items')?.latencyMs).toBe(5);
    expect(f.pick('GET', '/v3/work-items/abc')?.status).toBe(503);
    // count used up: the next call falls through to the catch-all
    expect(f.pick('GET', '/v3/work-items/abc')?.status).toBeUndefined();
    expect(f.pick('GET', '/v3/work-items/abc/approve/x')?.latencyMs).toBe(5);
    expect(f.pick('GET', '/oauth/token')).toBeUndefined();
    expect(f.pick('GET', '/sandbox/faults')).toBeUndefined();
    expect(f.list().rules[0]).toMatchObject({ remaining: 0, hits: 1 });
  });

  it('faults the given share of calls', () => {
    let i = 0;
    const sequence = [0.1, 0.9, 0.4, 0.6];
    const f = new FaultInjector('/v3/**=status:500@0.5', () => sequence[i++ % sequence.length]);
    const hits = Array.from({ length: 8 }, () => f.pick('GET', '/v3/work-items') !== undefined);
    expect(hits).toEqual([true, false, true, false, true, false, true, false]);
  });
});

describe('fault injection over HTTP', () => {
  let server: TestServer;
  let alice: Call;
  let ada: Call;
  let adaToken: string;
  let file: string;

  beforeAll(async () => {
    server = await startTestServer({ SANDBOX_FAULTS: 'GET /v3/work-items/count=latency:300' });
    file = server.config.sandboxDb;
    alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
    adaToken = await tokenFor(server.url, 'ada.admin');
    ada = client(server.url, adaToken);
  });
  afterAll(async () => {
    await server?.close();
  });

  const put = (body: unknown) => ada('PUT', '/sandbox/faults', body);

  it('starts with the rules of SANDBOX_FAULTS and applies latency', async () => {
    const listed = await ada<{ spec: string }>('GET', '/sandbox/faults');
    expect(listed.status).toBe(200);
    expect(listed.body.spec).toBe('GET /v3/work-items/count=latency:300');
    const started = Date.now();
    expect((await alice('GET', '/v3/work-items/count')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('a faulted approval answers 500 ErrorResponseDto with a trackingId and changes nothing; count:N makes it exact', async () => {
    const item = (await allPending(alice)).find((w) => w.type === 'Approval' && (w.approvalItems?.length ?? 0) >= 2)!;
    const path = `/v3/work-items/${item.id}/approve/${item.approvalItems![0].id}`;
    expect((await put({ spec: 'POST /v3/work-items/*/approve/*=status:500,count:2' })).status).toBe(200);
    const before = dumpDb(file);
    for (let i = 0; i < 2; i++) {
      const res = await alice<ErrorResponseDto>('POST', path);
      expect(res.status).toBe(500);
      expect(res.body.trackingId).toMatch(/^[0-9a-f]{32}$/);
      expect(res.body.detailCode).toBe('500.0 Internal Fault');
      expect(res.body.messages![0].text).toMatch(/Injected fault/);
    }
    expect(dumpDb(file)).toBe(before);
    const listed = await ada<{ rules: { remaining: number; hits: number }[] }>('GET', '/sandbox/faults');
    expect(listed.body.rules[0]).toMatchObject({ remaining: 0, hits: 2 });
    // the third call is not faulted
    const ok = await alice<WorkItem>('POST', path);
    expect(ok.status).toBe(200);
    expect(ok.body.approvalItems![0].state).toBe('Finished');
  });

  it('429 carries {message} and Retry-After; 503 an ErrorResponseDto; 401 {error}', async () => {
    await put({
      rules: [
        { method: 'GET', path: '/v3/work-items/summary', status: 429, retryAfter: 7, count: 1 },
        { method: 'GET', path: '/v3/work-items/completed', status: 503, count: 1 },
        { path: '/v3/work-items/completed/count', status: 401, count: 1 },
      ],
    });
    const limited = await alice('GET', '/v3/work-items/summary');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body).toEqual({ message: expect.stringMatching(/Rate Limit/) });
    const down = await alice<ErrorResponseDto>('GET', '/v3/work-items/completed');
    expect(down.status).toBe(503);
    expect(down.body.detailCode).toBe('503 Service Unavailable');
    const expired = await alice('GET', '/v3/work-items/completed/count');
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error: expect.stringMatching(/expired/) });
    // each was count:1
    expect((await alice('GET', '/v3/work-items/summary')).status).toBe(200);
    expect((await alice('GET', '/v3/work-items/completed')).status).toBe(200);
  });

  it('drop destroys the connection before the handler runs: the bulk approval is not applied', async () => {
    const item = (await allPending(alice)).find((w) => w.type === 'Approval')!;
    await put({ spec: 'POST /v3/work-items/bulk-approve/*=drop,count:1' });
    const before = dumpDb(file);
    await expect(alice('POST', `/v3/work-items/bulk-approve/${item.id}`)).rejects.toThrow();
    expect(dumpDb(file)).toBe(before);
    // the server is fine and the next call goes through
    expect((await alice('POST', `/v3/work-items/bulk-approve/${item.id}`)).status).toBe(200);
  });

  it('a share of calls: @0.5 faults roughly half', async () => {
    await put({ spec: 'GET /v3/work-items/count=status:503@0.5' });
    let faulted = 0;
    for (let i = 0; i < 200; i++) if ((await alice('GET', '/v3/work-items/count')).status === 503) faulted++;
    expect(faulted).toBeGreaterThan(60);
    expect(faulted).toBeLessThan(140);
  });

  it('DELETE clears every rule', async () => {
    expect((await ada('DELETE', '/sandbox/faults')).status).toBe(204);
    expect((await ada('GET', '/sandbox/faults')).body).toEqual({ spec: '', rules: [] });
    expect((await alice('GET', '/v3/work-items/count')).status).toBe(200);
  });

  it('admins only: 401 without a token, 403 for a user, and the rules stay as they were', async () => {
    await put({ spec: 'GET /v3/work-items/count=latency:1' });
    const anonymous = client(server.url);
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { spec: '' }],
      ['POST', { spec: '' }],
      ['DELETE', undefined],
    ] as const) {
      const none = await anonymous(method, '/sandbox/faults', body);
      expect(none.status).toBe(401);
      expect(none.body).toEqual({ error: expect.any(String) });
      const user = await alice<ErrorResponseDto>(method, '/sandbox/faults', body);
      expect(user.status).toBe(403);
      expect(user.body.messages![0].text).toMatch(/admin/);
    }
    expect((await ada<{ spec: string }>('GET', '/sandbox/faults')).body.spec).toBe(
      'GET /v3/work-items/count=latency:1',
    );
  });

  it('refuses invalid rules with a 400 ErrorResponseDto that says why, keeping the old rules', async () => {
    for (const body of [
      { spec: '/v3/work-items=status:418' },
      { rules: [{ path: '/v3/**', status: 500, drop: true }] },
      { rules: [{ path: 'nope', drop: true }] },
      { rules: [{ path: '/v3/**', latencyMs: -5 }] },
      { spec: 'x', rules: [] },
      { other: 1 },
      [],
      'spec',
    ]) {
      const res = await ada<ErrorResponseDto>('PUT', '/sandbox/faults', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.trackingId).toMatch(/^[0-9a-f]{32}$/);
    }
    expect((await ada<{ spec: string }>('GET', '/sandbox/faults')).body.spec).toBe(
      'GET /v3/work-items/count=latency:1',
    );
    await ada('DELETE', '/sandbox/faults');
  });

  it("works with an admin's session cookie, with the CSRF header required for changes", async () => {
    const signIn = await fetch(`${server.url}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
      body: JSON.stringify({ identity: 'ada.admin' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const get = await fetch(`${server.url}/sandbox/faults`, { headers: { cookie } });
    expect(get.status).toBe(200);
    const body = JSON.stringify({ spec: 'GET /v3/work-items=latency:1' });
    const forged = await fetch(`${server.url}/sandbox/faults`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body,
    });
    expect(forged.status).toBe(403);
    const ok = await fetch(`${server.url}/sandbox/faults`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
      body,
    });
    expect(ok.status).toBe(200);
    await ada('DELETE', '/sandbox/faults');
  });
});

describe('sandbox only', () => {
  it('an invalid SANDBOX_FAULTS stops the start with a message naming the rule', async () => {
    await expect(startTestServer({ SANDBOX_FAULTS: '/v3/**=status:999' })).rejects.toThrow(
      /SANDBOX_FAULTS: Fault rule "\/v3\/\*\*=status:999"/,
    );
  });

  it('tenant mode has no /sandbox/faults and ignores SANDBOX_FAULTS', async () => {
    // A rule that faults every API call the test makes below: a sandbox given it answers them 503.
    const spec = '/v3/**=status:503';
    const injector = new FaultInjector(spec);
    for (const path of ['/v3/work-items/count', '/v3/work-items/bulk-approve/x']) {
      expect(injector.pick('GET', path), `${path} is faulted by the rule`).toBeDefined();
    }
    const faulted = await startTestServer({ SANDBOX_FAULTS: spec });
    try {
      const token = await tokenFor(faulted.url, 'alice.approver');
      const count = await fetch(`${faulted.url}/v3/work-items/count`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(count.status).toBe(503);
    } finally {
      await faulted.close();
    }
    const upstream = await startTestServer();
    const tenant = await startTestServer({
      SAIL_BASE_URL: upstream.url,
      SESSION_SECRET: 'x'.repeat(40),
      SANDBOX_FAULTS: spec,
    });
    try {
      expect((await fetch(`${tenant.url}/sandbox/faults`)).status).toBe(404);
      const signIn = await fetch(`${tenant.url}/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
        body: JSON.stringify({ clientId: 'alice.approver', clientSecret: 'sandbox-secret' }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
      const count = await fetch(`${tenant.url}/v3/work-items/count`, { headers: { cookie } });
      expect(count.status).toBe(200);
      expect(((await count.json()) as { count: number }).count).toBeGreaterThan(0);
      const bulk = await fetch(`${tenant.url}/v3/work-items/bulk-approve/x`, {
        method: 'POST',
        headers: { cookie, 'x-requested-with': 'XMLHttpRequest' },
      });
      expect(bulk.status).toBe(404); // the tenant's own answer for an unknown item, not an injected 503
    } finally {
      await tenant.close();
      await upstream.close();
    }
  });
});

describe('fault rules match the operation, not the raw URL', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer({
      SANDBOX_FAULTS:
        'GET /v3/work-items/count=status:503;POST /access-request-approvals/v1/*/approve=status:500;' +
        'GET /v3/public-identities=status:502',
    });
    token = await tokenFor(server.url, 'alice.approver');
  });
  afterAll(() => server?.close());

  const raw = (method: string, target: string) =>
    rawRequest(
      server.url,
      `${method} ${target} HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nAuthorization: Bearer ${token}\r\nContent-Length: 0`,
    );

  it.each([
    ['GET', '/v3/work-items/count', 503],
    ['GET', '/work-items/v1/count', 503],
    ['GET', '/%76%33/work-items/count', 503],
    ['GET', '/v3/work-items/%63ount', 503],
    ['GET', '/v3/work-items/completed/count', 200],
    ['POST', `/v3/access-request-approvals/${'a'.repeat(32)}/approve`, 500],
    ['POST', `/access-request-approvals/v1/${'a'.repeat(32)}/approve`, 500],
    ['POST', `/access-request-approvals/v1/%61${'a'.repeat(31)}/approve`, 500],
    ['GET', '/v3/public-%69dentities', 502],
  ])('%s %s → %i', async (method, target, status) => {
    const answer = await raw(method, target);
    expect(answer.status, answer.body).toBe(status);
  });
});
