// Tenant mode end to end over HTTP: the sandbox runs as a separate server (the stand-in tenant) and our server
// runs in tenant mode on another port with SAIL_BASE_URL pointing at it. PAT sign-in, "Sign in with SailPoint"
// (authorization code + PKCE, redirects followed by hand), and the 13 operations through the proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto, FieldDetails, WorkItem } from '../contract/work-items.ts';
import { ALICE, BOB, CAROL } from './sandbox/identities.ts';
import { formFields } from '../contract/account-selection.ts';
import { tokenFor } from './test/sandbox.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { Jar } from './test/http.ts';

const SECRET = 'tenant-test-secret-0123456789abcdef0123456789';
const XHR = { 'x-requested-with': 'XMLHttpRequest' };
const CLIENT_ID = 'work-items-inbox';

interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

async function call<T = unknown>(
  url: string,
  jar: Jar | undefined,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const response = await fetch(url, {
    method,
    redirect: 'manual',
    headers: {
      ...(jar?.header() ?? {}),
      ...(method !== 'GET' ? XHR : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  jar?.take(response);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

const texts = (body: unknown) => ((body as ErrorResponseDto).messages ?? []).map((m) => m.text).join(' ');

async function patSignIn(server: TestServer, clientId: string, clientSecret = 'sandbox-secret') {
  const jar = new Jar();
  const answer = await call(`${server.url}/auth/session`, jar, 'POST', { clientId, clientSecret });
  return { jar, answer };
}

let sandbox: TestServer;
let tenant: TestServer;
let alice: Jar;
let ada: Jar;

beforeAll(async () => {
  sandbox = await startTestServer();
  tenant = await startTestServer({
    SAIL_BASE_URL: sandbox.url,
    SESSION_SECRET: SECRET,
    SAIL_OAUTH_CLIENT_ID: CLIENT_ID,
  });
  alice = (await patSignIn(tenant, 'alice.approver')).jar;
  ada = (await patSignIn(tenant, 'ada.admin')).jar;
});

afterAll(async () => {
  await tenant?.close();
  await sandbox?.close();
});

describe('tenant mode', () => {
  it('says so on /health and does not mount the sandbox', async () => {
    expect((await call(`${tenant.url}/health`, undefined, 'GET')).body).toEqual({ status: 'ok', mode: 'tenant' });
    for (const path of ['/auth/identities', '/oauth/authorize?response_type=code', '/sandbox/reset']) {
      const answer = await call(`${tenant.url}${path}`, undefined, 'GET');
      expect(answer.status, path).toBe(404);
      expect((answer.body as ErrorResponseDto).trackingId).toMatch(/^[0-9a-f]{32}$/);
    }
    const token = await call(`${tenant.url}/oauth/token`, undefined, 'POST', {});
    expect(token.status).toBe(404);
    const byIdentity = await call(`${tenant.url}/auth/session`, new Jar(), 'POST', { identity: 'alice.approver' });
    expect(byIdentity.status).toBe(400);
    expect(texts(byIdentity.body)).toMatch(/only possible in the sandbox/);
    expect((await call(`${tenant.url}/auth/config`, undefined, 'GET')).body).toEqual({
      mode: 'tenant',
      pat: true,
      oauth: true,
    });
  });
});

describe('personal access token sign-in through the tenant', () => {
  it('exchanges the PAT at SAIL_BASE_URL/oauth/token and starts the cookie session', async () => {
    const { jar, answer } = await patSignIn(tenant, 'alice.approver');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ identityId: ALICE.id, name: 'Alice Approver', isAdmin: false, mode: 'tenant' });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const session = await call(`${tenant.url}/auth/session`, jar, 'GET');
    expect(session.body).toMatchObject({ identityId: ALICE.id, mode: 'tenant' });
  });

  it('refuses a wrong secret with 401 {error}', async () => {
    const { answer } = await patSignIn(tenant, 'alice.approver', 'wrong');
    expect(answer.status).toBe(401);
    expect((answer.body as { error: string }).error).toMatch(/client ID or client secret is wrong/);
  });
});

describe('the 13 operations through the proxy', () => {
  const v3 = (path: string) => `${tenant.url}/v3${path}`;
  const direct = async (path: string) =>
    call(`${sandbox.url}/v3${path}`, undefined, 'GET', undefined, {
      authorization: `Bearer ${await tokenFor(sandbox.url, 'alice.approver')}`,
    });

  async function pending(jar: Jar): Promise<WorkItem[]> {
    const answer = await call<WorkItem[]>(v3('/work-items?limit=250'), jar, 'GET');
    expect(answer.status).toBe(200);
    return answer.body;
  }

  it('reads: lists with X-Total-Count, counts, summary, one item — as the tenant answers them', async () => {
    const list = await call<WorkItem[]>(v3('/work-items?limit=5&offset=0&count=true'), alice, 'GET');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(5);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.headers.get('set-cookie')).toBeNull();
    const upstream = await direct('/work-items?limit=5&offset=0&count=true');
    expect(list.headers.get('x-total-count')).toBe(upstream.headers.get('x-total-count'));
    expect(Number(list.headers.get('x-total-count'))).toBeGreaterThanOrEqual(40);
    expect(list.body).toEqual(upstream.body);

    const completed = await call<WorkItem[]>(v3('/work-items/completed?limit=3&count=true'), alice, 'GET');
    expect(completed.status).toBe(200);
    expect(completed.body).toHaveLength(3);
    expect(Number(completed.headers.get('x-total-count'))).toBeGreaterThanOrEqual(25);

    for (const path of ['/work-items/count', '/work-items/completed/count', '/work-items/summary']) {
      const answer = await call(v3(path), alice, 'GET');
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).toEqual((await direct(path)).body);
    }

    const one = await call<WorkItem>(v3(`/work-items/${list.body[0]!.id}`), alice, 'GET');
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(list.body[0]!.id);

    const people = await call<{ id: string }[]>(v3(`/public-identities?limit=5`), alice, 'GET');
    expect(people.status).toBe(200);
    expect(people.body.length).toBeGreaterThan(0);
  });

  it("passes the tenant's error statuses and bodies through unchanged", async () => {
    const missing = await call<ErrorResponseDto>(v3(`/work-items/${'1'.repeat(32)}`), alice, 'GET');
    expect(missing.status).toBe(404);
    expect(missing.body.trackingId).toMatch(/^[0-9a-f]{32}$/);
    // ownerId of someone else: admins only
    const forbidden = await call(v3(`/work-items?ownerId=${BOB.id}`), alice, 'GET');
    expect(forbidden.status).toBe(403);
    const asAdmin = await call<WorkItem[]>(v3(`/work-items/count?ownerId=${BOB.id}`), ada, 'GET');
    expect(asAdmin.status).toBe(200);
    const invalid = await call(v3('/work-items?limit=999'), alice, 'GET');
    expect(invalid.status).toBe(400);
    // no session: the tenant's own 401 {error}
    const anonymous = await call<{ error: string }>(v3('/work-items'), undefined, 'GET');
    expect(anonymous.status).toBe(401);
    expect(typeof anonymous.body.error).toBe('string');
    // the CSRF rule of the session layer holds in tenant mode too
    const items = await pending(alice);
    const noHeader = await fetch(v3(`/work-items/bulk-approve/${items[0]!.id}`), {
      method: 'POST',
      headers: alice.header(),
    });
    expect(noHeader.status).toBe(403);
  });

  it('writes: approve, reject, bulk approve, bulk reject, complete, submit account selection, forward', async () => {
    const items = await pending(alice);
    const approvals = items.filter(
      (w) =>
        w.type === 'Approval' &&
        (w.approvalItems ?? []).filter((a) => a.state === 'Pending').length >= 2 &&
        (w.approvalItems ?? []).length < 50,
    );
    expect(approvals.length).toBeGreaterThanOrEqual(4);
    const [first, second, third, fourth] = approvals as [WorkItem, WorkItem, WorkItem, WorkItem];
    const pendingIds = (w: WorkItem) => (w.approvalItems ?? []).filter((a) => a.state === 'Pending').map((a) => a.id!);

    const approve = await call<WorkItem>(v3(`/work-items/${first.id}/approve/${pendingIds(first)[0]}`), alice, 'POST');
    expect(approve.status).toBe(200);
    expect(approve.body.approvalItems!.find((a) => a.id === pendingIds(first)[0])!.state).toBe('Finished');

    const reject = await call<WorkItem>(v3(`/work-items/${second.id}/reject/${pendingIds(second)[0]}`), alice, 'POST');
    expect(reject.status).toBe(200);
    expect(reject.body.approvalItems!.find((a) => a.id === pendingIds(second)[0])!.state).toBe('Rejected');

    const bulkApprove = await call<WorkItem>(v3(`/work-items/bulk-approve/${third.id}`), alice, 'POST');
    expect(bulkApprove.status).toBe(200);
    const bulkReject = await call<WorkItem>(v3(`/work-items/bulk-reject/${fourth.id}`), alice, 'POST');
    expect(bulkReject.status).toBe(200);
    // done once: the tenant's 400 passes through
    expect((await call(v3(`/work-items/bulk-approve/${third.id}`), alice, 'POST')).status).toBe(400);

    const task = items.find((w) => w.type === 'Generic' || w.type === 'Remediation')!;
    const complete = await call<WorkItem>(v3(`/work-items/${task.id}`), alice, 'POST');
    expect(complete.status).toBe(200);
    expect(complete.body.state).toBe('Finished');

    const fieldsOf = (w: WorkItem): FieldDetails[] => formFields(w.form!);
    const form = items.find((w) => w.type === 'Form' && fieldsOf(w).some((f) => f.name === 'ticketNumber'))!;
    const field = (name: string) => fieldsOf(form).find((f) => f.name === name)!;
    const selection = {
      salesforceAccount: field('salesforceAccount').allowedValuesList![0]!.value,
      githubAccount: field('githubAccount').allowedValuesList![0]!.value,
      ticketNumber: 'CHG0099',
      notifyUser: true,
    };
    const submit = await call<WorkItem>(v3(`/work-items/${form.id}/submit-account-selection`), alice, 'POST', {
      ...selection,
    });
    expect(submit.status, JSON.stringify(submit.body)).toBe(200);
    expect(submit.body.state).toBe('Finished');
    const badSubmit = await call(v3(`/work-items/${form.id}/submit-account-selection`), alice, 'POST', selection);
    expect(badSubmit.status).toBe(400);

    const toForward = items.find((w) => w.type === 'Approval' && ![first, second, third, fourth].includes(w))!;
    const forward = await call<WorkItem>(v3(`/work-items/${toForward.id}/forward`), alice, 'POST', {
      targetOwnerId: CAROL.id,
      comment: 'Carol covers this through the proxy',
      sendNotifications: false,
    });
    expect(forward.status).toBe(200);
    // now carol's: alice no longer sees it, the admin sees carol as its owner
    expect((await call(v3(`/work-items/${toForward.id}`), alice, 'GET')).status).toBe(403);
    const moved = await call<WorkItem>(v3(`/work-items/${toForward.id}`), ada, 'GET');
    expect(moved.body.ownerId).toBe(CAROL.id);
  });
});

describe('rate limits through the proxy', () => {
  let tightSandbox: TestServer;
  let tightTenant: TestServer;
  beforeAll(async () => {
    tightSandbox = await startTestServer({ SANDBOX_RATE_LIMIT: '4/30s' });
    tightTenant = await startTestServer({ SAIL_BASE_URL: tightSandbox.url, SESSION_SECRET: SECRET });
  });
  afterAll(async () => {
    await tightTenant?.close();
    await tightSandbox?.close();
  });

  it("passes the tenant's 429, its Retry-After and its {message} through unchanged", async () => {
    const { jar, answer } = await patSignIn(tightTenant, 'bob.approver');
    expect(answer.status).toBe(200);
    const answers: Answer<unknown>[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await call(`${tightTenant.url}/v3/work-items/count`, jar, 'GET'));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const a of limited) {
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(a.body).toEqual({ message: 'Rate Limit Exceeded' });
    }
    expect(answers[0]!.status).toBe(200);
  });
});

describe('Sign in with SailPoint (authorization code + PKCE) against the sandbox tenant', () => {
  /** /auth/login → the tenant's authorize page; returns the page's form fields and the browser's jar. */
  async function startLogin(returnTo = '/inbox') {
    const jar = new Jar();
    const login = await fetch(`${tenant.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, {
      redirect: 'manual',
    });
    expect(login.status).toBe(302);
    const setCookies = jar.take(login);
    expect(setCookies.join('\n')).toMatch(/wi-oauth=.*HttpOnly/i);
    expect(setCookies.join('\n')).toMatch(/SameSite=Lax/i);
    // the attempt's cookie lives as long as the attempt: 10 minutes
    expect(setCookies.join('\n')).toMatch(/wi-oauth=[^\n]*; Max-Age=600(;|$)/im);
    const authorize = new URL(login.headers.get('location')!);
    expect(authorize.origin + authorize.pathname).toBe(`${sandbox.url}/oauth/authorize`);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${tenant.url}/auth/callback`,
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/^[\w-]{43}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    // nothing secret travels in the URL
    expect(authorize.search).not.toMatch(/verifier|secret/i);

    const page = await fetch(authorize, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Sign in as Alice Approver/);
    return { jar, params };
  }

  /** The person picks an identity on the tenant's page: the tenant redirects to our callback with code + state. */
  async function chooseIdentity(params: Record<string, string>, identity = 'alice.approver') {
    const chosen = await fetch(`${sandbox.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, identity }),
    });
    expect(chosen.status).toBe(302);
    const callback = new URL(chosen.headers.get('location')!);
    expect(callback.origin + callback.pathname).toBe(`${tenant.url}/auth/callback`);
    expect(callback.searchParams.get('state')).toBe(params.state);
    return callback;
  }

  it('signs in end to end and comes back to returnTo with a working session', async () => {
    const { jar, params } = await startLogin('/work-items/abc?tab=2');
    const callback = await chooseIdentity(params);
    const done = await fetch(callback, { redirect: 'manual', headers: jar.header() });
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/work-items/abc?tab=2');
    const setCookies = jar.take(done).join('\n');
    expect(setCookies).toMatch(/wi-session=.*HttpOnly.*SameSite=Strict/is);
    expect(jar.cookies.has('wi-oauth')).toBe(false); // the attempt is spent

    const session = await call(`${tenant.url}/auth/session`, jar, 'GET');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ identityId: ALICE.id, name: 'Alice Approver', mode: 'tenant' });
    const count = await call<{ count: number }>(`${tenant.url}/v3/work-items/count`, jar, 'GET');
    expect(count.status).toBe(200);
    expect(count.body.count).toBeGreaterThan(0);
  });

  it('refuses a replayed code: no session', async () => {
    const { jar, params } = await startLogin();
    const callback = await chooseIdentity(params);
    const oauthCookie = jar.header();
    const first = await fetch(callback, { redirect: 'manual', headers: oauthCookie });
    expect(first.status).toBe(302);
    // the same code again, even with the attempt's cookie replayed as well
    const again = await fetch(callback, {
      redirect: 'manual',
      headers: { ...oauthCookie, accept: 'application/json' },
    });
    expect(again.status).toBe(400);
    expect(again.headers.getSetCookie().join('\n')).not.toMatch(/wi-session=[^;]+/);
    const body = (await again.json()) as ErrorResponseDto;
    expect(texts(body)).toMatch(/refused the authorization code/);
  });

  it('refuses a wrong state, and a callback without the attempt cookie: no session, no code exchange', async () => {
    const { jar, params } = await startLogin();
    const callback = await chooseIdentity(params);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'x'.repeat(43));
    const wrong = await fetch(forged, { redirect: 'manual', headers: { ...jar.header(), accept: 'text/html' } });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toMatch(/text\/html/);
    expect(await wrong.text()).toMatch(/state mismatch/);
    expect(wrong.headers.getSetCookie().join('\n')).not.toMatch(/wi-session=[^;]+/);

    const { params: other } = await startLogin();
    const otherCallback = await chooseIdentity(other);
    const noCookie = await fetch(otherCallback, { redirect: 'manual', headers: { accept: 'application/json' } });
    expect(noCookie.status).toBe(400);
    expect(texts(await noCookie.json())).toMatch(/unknown or has expired/);

    // an error answer from the tenant (the person said no)
    const denied = await fetch(`${tenant.url}/auth/callback?error=access_denied&state=${params.state}`, {
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
    expect(denied.status).toBe(400);
  });

  it('only returns to same-origin paths (no open redirect)', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/sign-in']) {
      const { jar, params } = await startLogin(returnTo);
      const done = await fetch(await chooseIdentity(params), { redirect: 'manual', headers: jar.header() });
      expect(done.status, returnTo).toBe(302);
      expect(done.headers.get('location'), returnTo).toBe('/inbox');
    }
  });

  it('keeps a sign-in attempt for 10 minutes: an older one is refused, one just inside the limit signs in', async () => {
    const { jar, params } = await startLogin('/completed');
    const callback = await chooseIdentity(params);
    // The attempt as the server wrote it (its own key and box): state, verifier and an expiry 10 minutes out.
    const issued = tenant.app.decodeSecureSession(decodeURIComponent(jar.cookies.get('wi-oauth')!));
    const pending = issued!.get('login') as { state: string; exp: number };
    const now = Math.floor(Date.now() / 1000);
    expect(pending.state).toBe(params.state);
    expect(pending.exp - now).toBeGreaterThanOrEqual(598);
    expect(pending.exp - now).toBeLessThanOrEqual(600);
    /** The same attempt, as if it had been started `age` seconds ago. */
    const aged = (age: number) => {
      const session = tenant.app.createSecureSession({ login: { ...pending, exp: now - age + 600 } });
      return { cookie: `wi-oauth=${encodeURIComponent(tenant.app.encodeSecureSession(session))}` };
    };

    // 10 minutes and 5 seconds old: refused, the code not even exchanged, no session.
    const late = await fetch(callback, { redirect: 'manual', headers: { ...aged(605), accept: 'application/json' } });
    expect(late.status).toBe(400);
    expect(texts(await late.json())).toMatch(/unknown or has expired/);
    expect(late.headers.getSetCookie().join('\n')).not.toMatch(/wi-session=[^;]+/);
    // 9 minutes and 50 seconds old, with the same code (still unused): signed in, back at returnTo.
    const inTime = await fetch(callback, { redirect: 'manual', headers: aged(590) });
    expect(inTime.status).toBe(302);
    expect(inTime.headers.get('location')).toBe('/completed');
    expect(inTime.headers.getSetCookie().join('\n')).toMatch(/wi-session=[^;]+/);
  });

  it('lets the sign-in page form-action reach the authorize origin (CSP)', async () => {
    const csp = (await fetch(`${tenant.url}/health`)).headers.get('content-security-policy')!;
    expect(csp).toContain(`form-action 'self' ${sandbox.url}`);
  });
});

describe('several copies behind a load balancer', () => {
  let sameSecret: TestServer;
  let otherSecret: TestServer;
  beforeAll(async () => {
    // Both share the first copy's session store (its DATA_DIR), so the secret alone decides: the other copy finds
    // the session row but cannot read the cookie that names it.
    const DATA_DIR = tenant.config.dataDir;
    sameSecret = await startTestServer({ SAIL_BASE_URL: sandbox.url, SESSION_SECRET: SECRET, DATA_DIR });
    otherSecret = await startTestServer({ SAIL_BASE_URL: sandbox.url, SESSION_SECRET: `other-${SECRET}`, DATA_DIR });
  });
  afterAll(async () => {
    await sameSecret?.close();
    await otherSecret?.close();
  });

  it('a copy with the same SESSION_SECRET reads the session; a copy with another secret answers 401', async () => {
    const { jar } = await patSignIn(tenant, 'alice.approver');
    const same = await call(`${sameSecret.url}/auth/session`, jar, 'GET');
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ identityId: ALICE.id });
    expect((await call(`${sameSecret.url}/v3/work-items/count`, jar, 'GET')).status).toBe(200);

    const other = await call<{ error: string }>(`${otherSecret.url}/auth/session`, jar, 'GET');
    expect(other.status).toBe(401);
    // Not "your session has ended" (a cookie it could open, naming a row it could not unseal): the cookie itself
    // is unreadable under another secret.
    expect(other.body).toEqual({ error: 'Not signed in.' });
    const api = await call<{ error: string }>(`${otherSecret.url}/v3/work-items/count`, jar, 'GET');
    expect(api.status).toBe(401);
    expect(api.body).toEqual({ error: expect.any(String) });
  });
});
