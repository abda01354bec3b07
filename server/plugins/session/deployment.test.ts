// A session belongs to the deployment it was made on (the mode and the tenant's origin). Two servers that share
// SESSION_SECRET and the session store — here one DATA_DIR, so one sessions.sqlite; multi-copy.test.ts does the
// same with Redis — but speak for different tenants do not accept each other's cookies, and never send one's
// token to the other's tenant.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieOf, signInRequest } from '../../test/http.ts';
import { startTestServer, type RecordedRequest, type TestServer } from '../../test/server.ts';

const SECRET = 'deployment-test-secret-0123456789abcdef0123456';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-deployment-'));
const ALICE = { clientId: 'alice.approver', clientSecret: 'sandbox-secret' };

let sandboxCopy: TestServer;
let tenantA: TestServer;
let tenantB: TestServer;
let tenantCopy: TestServer;
let otherTenantCopy: TestServer;
const seenByA: RecordedRequest[] = [];
const seenByB: RecordedRequest[] = [];

beforeAll(async () => {
  tenantA = await startTestServer({}, { onResponse: (r) => void seenByA.push(r) });
  tenantB = await startTestServer({}, { onResponse: (r) => void seenByB.push(r) });
  const shared = { SESSION_SECRET: SECRET, DATA_DIR: dir, SANDBOX_DB: path.join(dir, 'own-sandbox.sqlite') };
  sandboxCopy = await startTestServer(shared);
  tenantCopy = await startTestServer({ ...shared, SAIL_BASE_URL: tenantA.url });
  otherTenantCopy = await startTestServer({ ...shared, SAIL_BASE_URL: tenantB.url });
});
afterAll(async () => {
  for (const server of [otherTenantCopy, tenantCopy, sandboxCopy, tenantB, tenantA]) await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (server: TestServer, target: string, cookie: string) =>
  fetch(`${server.url}${target}`, { headers: { cookie } });

describe('a session is bound to its deployment', () => {
  it("a sandbox's cookie is refused by a tenant-mode server sharing its secret and store", async () => {
    const cookie = sessionCookieOf(await signInRequest(sandboxCopy.url, { identity: 'alice.approver' }));
    expect((await get(sandboxCopy, '/auth/session', cookie)).status).toBe(200);
    const asked = seenByA.length;
    for (const target of ['/auth/session', '/v3/work-items/count', '/access-request-approvals/v1/pending']) {
      const res = await get(tenantCopy, target, cookie);
      expect(res.status, target).toBe(401);
      expect((await res.json()).error, target).toMatch(/another tenant or server mode/);
    }
    expect(seenByA.length, 'the tenant never saw the sandbox token').toBe(asked);
    // refused there, not ended: the sandbox still knows it
    expect((await get(sandboxCopy, '/auth/session', cookie)).status).toBe(200);
  });

  it("one tenant's session is refused by a server for another tenant, and its token never reaches it", async () => {
    const cookie = sessionCookieOf(await signInRequest(tenantCopy.url, ALICE));
    expect((await get(tenantCopy, '/v3/work-items/count', cookie)).status).toBe(200);
    const asked = seenByB.length;
    expect((await get(otherTenantCopy, '/auth/session', cookie)).status).toBe(401);
    expect((await get(otherTenantCopy, '/v3/work-items/count', cookie)).status).toBe(401);
    expect((await get(sandboxCopy, '/v3/work-items/count', cookie)).status).toBe(401);
    expect(seenByB.length).toBe(asked);
  });
});
