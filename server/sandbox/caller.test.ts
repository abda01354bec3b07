// What an anonymous or forged caller can cost the sandbox: nothing past the caller hook. For every operation of
// every kind at both prefixes (the tenant proxy's operation table, so an operation added there joins this list),
// a request without a verified token is answered 401 before its body is read — even while the body has not been
// sent — and before its query or body is validated; tokens that do not verify share their address's rate-limit
// budget instead of each buying a fresh one; a JSON body that nests too deeply is a 400 before it is parsed.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_MAX_DEPTH } from '../plugins/json-bodies.ts';
import { proxyRoutes } from '../plugins/tenant-proxy.ts';
import { dribble, hostOf, signInRequest } from '../test/http.ts';
import { client, dumpDb, errorText, itemPools, tokenFor } from '../test/sandbox.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

const OPERATIONS = proxyRoutes().map((route) => ({
  method: route.method,
  // every path parameter an id of the right shape
  path: route.url.replace(/:\w+/g, 'a'.repeat(32)),
}));
const randomBearer = () => `Bearer ${randomBytes(24).toString('base64url')}`;
/** An array nested `depth` levels deep. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('the caller is found before anything else is read', () => {
  it.each(OPERATIONS)('$method $path: no token and a malformed query and body → 401, not 400', async (op) => {
    const res = await fetch(`${server.url}${op.path}?limit=lots&offset=-1`, {
      method: op.method,
      ...(op.method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{"comment": [' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/JWT is required/) });
  });

  it.each(OPERATIONS.filter((op) => op.method !== 'GET'))(
    '$method $path: a forged token is answered 401 while its 1 MB body has not even been sent',
    async (op) => {
      const head =
        `${op.method} ${op.path} HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nAuthorization: ${randomBearer()}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1048576\r\nConnection: close\r\n\r\n';
      // Only the head goes out; a server that waited for the body would never answer within the 10 s.
      const answer = await dribble(server.url, [head], 0, 10_000);
      expect(answer.closedAfterMs).toBeLessThan(10_000);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toEqual({ error: 'JWT is invalid.' });
    },
  );
});

describe('rate-limit budgets belong to verified tokens only', () => {
  it('random bearer tokens from one address share that address budget; a real token keeps its own', async () => {
    const limited = await startTestServer({ SANDBOX_RATE_LIMIT: '5/1m' });
    try {
      const token = await tokenFor(limited.url, 'alice.approver');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const res = await fetch(`${limited.url}/v3/work-items/count`, { headers: { authorization: randomBearer() } });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      const own = await fetch(`${limited.url}/v3/work-items/count`, { headers: { authorization: `Bearer ${token}` } });
      expect(own.status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('JSON nesting is capped', () => {
  it(`a body nested deeper than ${JSON_MAX_DEPTH} levels is a 400 that says so, and changes nothing`, async () => {
    const alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
    const form = (await itemPools(alice)).form[0]!;
    const before = dumpDb(server.config.sandboxDb);
    const deep = `{"field": ${nested(JSON_MAX_DEPTH + 1)}}`;
    for (const path of [`/v3/work-items/${form.id}/submit-account-selection`, `/work-items/v1/${form.id}/forward`]) {
      const res = await alice('POST', path, deep, { 'content-type': 'application/json' });
      expect(res.status, path).toBe(400);
      expect(errorText(res.body), path).toMatch(new RegExp(`nests deeper than ${JSON_MAX_DEPTH} levels`));
    }
    const signIn = await signInRequest(server.url, { identity: JSON.parse(`{"a": ${nested(200)}}`) });
    expect(signIn.status).toBe(400);
    expect(errorText(await signIn.json())).toMatch(/nests deeper than/);
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
    // A nesting within the cap (brackets inside strings do not count) reaches the route's own checks.
    const shallow = `{"field": ${nested(JSON_MAX_DEPTH - 1)}, "note": "${'['.repeat(100)}"}`;
    const res = await alice('POST', `/v3/work-items/${form.id}/submit-account-selection`, shallow, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(errorText(res.body)).not.toMatch(/nests deeper/);
  });
});
