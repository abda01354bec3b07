// `offset` and `limit` have bounds on every list of every kind, at both prefixes, in both modes: the list
// operations come from the tenant proxy's operation table (a list added there joins this test). An offset past
// the spec's int32 (the attack used 9223372036854775296, which SQLite cannot hold: a 500) is a 400 that names the
// bound, and so is an infinite one ("1e400"); the bound itself is answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_LIMIT_MAX, PAGE_OFFSET_MAX } from '../contract/limits.ts';
import { proxyRoutes } from './plugins/tenant-proxy.ts';
import { client, errorText, sessionCookie, tokenFor, type Call } from './test/sandbox.ts';
import { startTestServer, type TestServer } from './test/server.ts';

/**
 * The operations that page: GET, no path parameter, and a collection (not a count or a summary). Work
 * reassignment's lists take no `offset` or `limit` in the spec (an identity has one configuration per work type).
 */
const LISTS = proxyRoutes()
  .filter((route) => route.method === 'GET' && !route.url.includes(':') && !/count|summary/.test(route.url))
  .filter((route) => !route.url.includes('/reassignment-configurations'))
  .map((route) => route.url);

let sandbox: TestServer;
let tenant: TestServer;
let viaToken: Call;
let viaProxy: Call;

beforeAll(async () => {
  sandbox = await startTestServer();
  tenant = await startTestServer({ SAIL_BASE_URL: sandbox.url, SESSION_SECRET: 'p'.repeat(40) });
  viaToken = client(sandbox.url, await tokenFor(sandbox.url, 'alice.approver'));
  const cookie = await sessionCookie(tenant.url, { clientId: 'alice.approver', clientSecret: 'sandbox-secret' });
  const proxied = client(tenant.url);
  viaProxy = (method, path, body, headers = {}) => proxied(method, path, body, { cookie, ...headers });
});
afterAll(async () => {
  await tenant?.close();
  await sandbox?.close();
});

describe('paging bounds', () => {
  it('covers every list of both kinds at both prefixes, and public identities', () => {
    expect(LISTS).toEqual(
      expect.arrayContaining([
        '/v3/work-items',
        '/work-items/v1/completed',
        '/v3/access-request-approvals/pending',
        '/access-request-approvals/v1/completed',
        '/v3/public-identities',
      ]),
    );
  });

  for (const mode of ['sandbox', 'tenant'] as const) {
    it.each(LISTS)(`${mode} mode: %s refuses an offset or limit past its bound with a 400 naming it`, async (list) => {
      const call = mode === 'sandbox' ? viaToken : viaProxy;
      for (const [query, bound] of [
        ['offset=9223372036854775296', `<= ${PAGE_OFFSET_MAX}`],
        [`offset=${PAGE_OFFSET_MAX + 1}`, `<= ${PAGE_OFFSET_MAX}`],
        [`limit=${PAGE_LIMIT_MAX + 1}`, `<= ${PAGE_LIMIT_MAX}`],
        ['offset=-1', '>= 0'],
        // read as Infinity by the query's number coercion, which the bounds alone let through (a 500 from SQLite)
        ['limit=1e400', 'limit'],
        ['offset=-1e400', 'offset'],
      ]) {
        const res = await call('GET', `${list}?${query}`);
        expect(res.status, query).toBe(400);
        expect(errorText(res.body), query).toContain(bound);
      }
      const last = await call<unknown[]>('GET', `${list}?offset=${PAGE_OFFSET_MAX}&limit=${PAGE_LIMIT_MAX}&count=true`);
      expect(last.status).toBe(200);
      expect(last.body).toEqual([]);
    });
  }
});
