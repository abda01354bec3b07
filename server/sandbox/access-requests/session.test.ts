// The page reaches the access-request approvals with its cookie, at both path families: the session attaches the
// token and checks CSRF there exactly as on the work items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_REQUEST_APPROVALS_PREFIXES, type PendingApproval } from '../../../contract/access-requests.ts';
import type { ErrorResponseDto } from '../../../contract/work-items.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ALICE } from '../identities.ts';
import { sessionCookie } from '../../test/sandbox.ts';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };

describe.each(ACCESS_REQUEST_APPROVALS_PREFIXES)('the cookie session on %s', (prefix) => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = await sessionCookie(server.url, { identity: 'alice.approver' });
  });
  afterAll(() => server?.close());

  const pending = async () => {
    const response = await fetch(`${server.url}${prefix}/pending?limit=250`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return (await response.json()) as PendingApproval[];
  };

  it('attaches the token to a cookie-only read; without a cookie the API answers 401', async () => {
    const mine = await pending();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.owner?.id === ALICE.id)).toBe(true);
    const anonymous = await fetch(`${server.url}${prefix}/pending`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toHaveProperty('error');
  });

  it('refuses a cookie approval without X-Requested-With or from another origin, and decides nothing', async () => {
    const approval = (await pending())[0]!;
    const url = `${server.url}${prefix}/${approval.id}/approve`;
    const json = { 'content-type': 'application/json' };
    const bare = await fetch(url, { method: 'POST', headers: { cookie, ...json }, body: '{}' });
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as ErrorResponseDto).messages?.[0]?.text).toMatch(/X-Requested-With/);
    const cross = await fetch(url, {
      method: 'POST',
      headers: { cookie, ...json, ...XHR, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    expect((await pending()).some((a) => a.id === approval.id)).toBe(true);
    const done = await fetch(url, {
      method: 'POST',
      headers: { cookie, ...json, ...XHR, origin: server.url },
      body: '{}',
    });
    expect(done.status).toBe(202);
    expect((await pending()).some((a) => a.id === approval.id)).toBe(false);
  });
});
