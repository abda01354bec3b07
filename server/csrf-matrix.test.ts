// Cross-site request forgery × every state-changing route, as one table, in sandbox mode and in tenant mode (our
// server in front of a sandbox standing in for the tenant). Each caller rides on the session cookie, as a browser
// does; each route is tried five ways:
//   none    no X-Requested-With                  → 403
//   wrong   X-Requested-With: fetch               → 403
//   cross   the header, but Origin of another site → 403
//   null    the header, but Origin: null           → 403 (sandboxed iframes, file: pages, some redirects)
//   valid   the header and this server's Origin    → the route's own success
// After each refusal the data is read back and is exactly as it was (every table of the database, the fault
// rules, the session) and no cookie was set; the valid call then changes it (or sets or clears the cookie), which
// proves the refusals were about CSRF and not about an item that could not be changed anyway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../contract/generic-approvals.ts';
import type { ErrorResponseDto, WorkItem } from '../contract/work-items.ts';
import { catalogueItemNamed } from './sandbox/access-request-submissions/catalogue.ts';
import { ADA, CAROL } from './sandbox/identities.ts';
import { client, dumpDb, itemPools, sessionCookie, tokenFor, validSelection } from './test/sandbox.ts';
import { startTestServer, type TestServer } from './test/server.ts';
import { WORK_ITEMS_PREFIXES } from './request-path.ts';

/** Every prefix the work-items API is served under. */
const API_PREFIXES = WORK_ITEMS_PREFIXES;
const VARIANTS = ['none', 'wrong', 'cross', 'null', 'valid'] as const;
type Variant = (typeof VARIANTS)[number];
type Pool = 'approval' | 'task' | 'form' | 'generic';

interface Route {
  name: string;
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The seeded item the route acts on, if any. */
  pool?: Pool;
  /** Sandbox only (tenant mode has no fault injection, no clock control). */
  sandboxOnly?: boolean;
  /** Called by an admin (ada's cookie) rather than alice. */
  admin?: boolean;
  body?: (item: WorkItem | undefined, mode: Mode) => unknown;
  /** The status of the valid call. */
  ok: number;
}

type Mode = 'sandbox' | 'tenant';

const comment = () => ({ comment: 'CSRF matrix' });

const ROUTES: Route[] = [
  ...API_PREFIXES.flatMap((p): Route[] => [
    { name: `approve ${p}`, method: 'POST', path: `${p}/{id}/approve/{approvalItemId}`, pool: 'approval', ok: 200 },
    { name: `reject ${p}`, method: 'POST', path: `${p}/{id}/reject/{approvalItemId}`, pool: 'approval', ok: 200 },
    { name: `bulk-approve ${p}`, method: 'POST', path: `${p}/bulk-approve/{id}`, pool: 'approval', ok: 200 },
    { name: `bulk-reject ${p}`, method: 'POST', path: `${p}/bulk-reject/{id}`, pool: 'approval', ok: 200 },
    { name: `complete ${p}`, method: 'POST', path: `${p}/{id}`, pool: 'task', ok: 200 },
    {
      name: `submit-account-selection ${p}`,
      method: 'POST',
      path: `${p}/{id}/submit-account-selection`,
      pool: 'form',
      body: (item) => validSelection(item!),
      ok: 200,
    },
    {
      name: `forward ${p}`,
      method: 'POST',
      path: `${p}/{id}/forward`,
      pool: 'approval',
      body: () => ({ targetOwnerId: CAROL.id, comment: 'CSRF matrix' }),
      ok: 200,
    },
  ]),
  ...(['/v2025/generic-approvals', '/generic-approvals/v1'] as const).flatMap((p): Route[] => [
    { name: `approve ${p}`, method: 'POST', path: `${p}/{id}/approve`, pool: 'generic', ok: 200 },
    { name: `reject ${p}`, method: 'POST', path: `${p}/{id}/reject`, pool: 'generic', body: comment, ok: 204 },
    {
      name: `reassign ${p}`,
      method: 'POST',
      path: `${p}/{id}/reassign`,
      pool: 'generic',
      body: () => ({ reassignTo: CAROL.id }),
      ok: 204,
    },
    { name: `comments ${p}`, method: 'POST', path: `${p}/{id}/comments`, pool: 'generic', body: comment, ok: 200 },
    {
      name: `attributes ${p}`,
      method: 'POST',
      path: `${p}/{id}/attributes`,
      pool: 'generic',
      body: () => ({ additionalAttributes: { csrf: 'matrix' } }),
      ok: 200,
    },
  ]),
  {
    name: 'bulk-approve /v2025/generic-approvals',
    method: 'POST',
    path: '/v2025/generic-approvals/bulk-approve',
    pool: 'generic',
    admin: true,
    body: (item) => ({ approvalIds: [item!.id] }),
    ok: 202,
  },
  {
    name: 'PUT /v2025/generic-approvals/config',
    method: 'PUT',
    path: '/v2025/generic-approvals/config/AGENT_ACTIVATE_APPROVAL/APPROVAL_TYPE',
    admin: true,
    body: () => ({ requiresComment: 'ALL' }),
    ok: 200,
  },
  {
    name: 'DELETE /v2025/generic-approvals/config',
    method: 'DELETE',
    path: '/v2025/generic-approvals/config/MACHINE_ACCOUNT_CREATE_APPROVAL_REQUEST/APPROVAL_TYPE',
    admin: true,
    ok: 204,
  },
  {
    name: 'POST /v3/access-requests',
    method: 'POST',
    path: '/v3/access-requests',
    body: () => ({
      requestedFor: [CAROL.id],
      requestedItems: [{ type: 'ROLE', id: catalogueItemNamed('Finance Analyst').id }],
    }),
    ok: 202,
  },
  {
    name: 'PUT /sandbox/clock',
    method: 'PUT',
    path: '/sandbox/clock',
    sandboxOnly: true,
    admin: true,
    body: () => ({ advanceMs: 60_000 }),
    ok: 200,
  },
  { name: 'PUT /sandbox/faults', method: 'PUT', path: '/sandbox/faults', sandboxOnly: true, body: () => SPEC, ok: 200 },
  {
    name: 'POST /sandbox/faults',
    method: 'POST',
    path: '/sandbox/faults',
    sandboxOnly: true,
    body: () => SPEC,
    ok: 200,
  },
  { name: 'DELETE /sandbox/faults', method: 'DELETE', path: '/sandbox/faults', sandboxOnly: true, ok: 204 },
  {
    name: 'sign in (POST /auth/session)',
    method: 'POST',
    path: '/auth/session',
    body: (_item, mode) =>
      mode === 'sandbox' ? { identity: 'bob.approver' } : { clientId: 'bob.approver', clientSecret: 'sandbox-secret' },
    ok: 200,
  },
  { name: 'sign out (DELETE /auth/session)', method: 'DELETE', path: '/auth/session', ok: 204 },
];
/** A rule that faults nothing the table uses: only there to be seen replacing (or not replacing) the rules. */
const SPEC = { spec: 'GET /v3/work-items/count=latency:1' };
const STANDING_RULES = { spec: 'GET /v3/work-items/completed/count=latency:1' };

const CELLS = ROUTES.flatMap((route) => VARIANTS.map((variant) => ({ route, variant })));

function csrfHeaders(variant: Variant, ownOrigin: string): Record<string, string> {
  switch (variant) {
    case 'none':
      return {};
    case 'wrong':
      return { 'x-requested-with': 'fetch' };
    case 'cross':
      return { 'x-requested-with': 'XMLHttpRequest', origin: 'https://evil.example' };
    case 'null':
      return { 'x-requested-with': 'XMLHttpRequest', origin: 'null' };
    case 'valid':
      return { 'x-requested-with': 'XMLHttpRequest', origin: ownOrigin };
  }
}

for (const mode of ['sandbox', 'tenant'] as const) {
  describe(`CSRF matrix (${mode} mode)`, () => {
    let sandbox: TestServer;
    let tenant: TestServer | undefined;
    /** Where the browser talks to: the sandbox itself, or our tenant-mode server in front of it. */
    let front: TestServer;
    let adminToken: string;
    const cookies = {} as Record<'alice' | 'ada', string>;
    let pools: Record<Pool, WorkItem[]>;
    const itemOf = new Map<string, WorkItem | undefined>();

    beforeAll(async () => {
      // enough approvals on alice's desk for every Approvals-service route to have its own
      sandbox = await startTestServer({ SANDBOX_SEED_SCALE: '100' });
      if (mode === 'tenant') {
        tenant = await startTestServer({ SAIL_BASE_URL: sandbox.url, SESSION_SECRET: 'c'.repeat(40) });
      }
      front = tenant ?? sandbox;
      const pat = (alias: string) => ({ clientId: alias, clientSecret: 'sandbox-secret' });
      cookies.alice = await sessionCookie(front.url, pat('alice.approver'));
      cookies.ada = await sessionCookie(front.url, pat('ada.admin'));
      adminToken = await tokenFor(sandbox.url, 'ada.admin');
      const aliceAtSandbox = client(sandbox.url, await tokenFor(sandbox.url, 'alice.approver'));
      const desk = await aliceAtSandbox<Approval[]>(
        'GET',
        `/v2025/generic-approvals?mine=true&include-approvers=true&filters=${encodeURIComponent('status eq "PENDING"')}`,
      );
      pools = {
        ...(await itemPools(aliceAtSandbox)),
        // access requests only alice approves, not asked for by or for carol (whom reassign hands them to) or ada
        // (who bulk-approves as the admin)
        generic: desk.body
          .filter((a) => a.type === 'ACCESS_REQUEST_APPROVAL' && a.approvers!.length === 1)
          .filter(
            (a) => ![a.requestee?.identityID, a.requester?.identityID].some((id) => id === CAROL.id || id === ADA.id),
          )
          .map((a) => ({ id: a.id }) as WorkItem),
      };
    });

    afterAll(async () => {
      await tenant?.close();
      await sandbox?.close();
    });

    const faultRules = async () => (await client(sandbox.url, adminToken)('GET', '/sandbox/faults')).body;
    const clockOffset = async () =>
      (await client(sandbox.url, adminToken)<{ offsetMs: number }>('GET', '/sandbox/clock')).body.offsetMs;
    const sessionOf = async (cookie: string) => {
      const res = await fetch(`${front.url}/auth/session`, { headers: { cookie } });
      return res.status === 200 ? ((await res.json()) as { identityId: string }).identityId : res.status;
    };

    /** Everything a request in this table could change, read back. */
    async function snapshot(cookie: string) {
      return JSON.stringify([
        dumpDb(sandbox.config.sandboxDb),
        await faultRules(),
        await clockOffset(),
        await sessionOf(cookie),
      ]);
    }

    const cells = CELLS.filter((c) => mode === 'sandbox' || !c.route.sandboxOnly);
    it.each(cells)('$route.name · $variant', async ({ route, variant }) => {
      // One item per route: the four refusals and then the valid call all aim at it.
      if (!itemOf.has(route.name)) itemOf.set(route.name, route.pool ? pools[route.pool].shift() : undefined);
      const item = itemOf.get(route.name);
      if (route.pool && !item) throw new Error(`no seeded ${route.pool} item left for ${route.name}`);
      const isFaults = route.path === '/sandbox/faults';
      if (isFaults && variant === 'none')
        await client(sandbox.url, adminToken)('PUT', '/sandbox/faults', STANDING_RULES);
      // Sign-out gets a session of its own, so that the valid call ends only that one.
      const cookie = route.name.startsWith('sign out')
        ? await sessionCookie(front.url, { clientId: 'alice.approver', clientSecret: 'sandbox-secret' })
        : isFaults || route.admin
          ? cookies.ada
          : cookies.alice;
      const url = route.path
        .replace('{id}', item?.id ?? '')
        .replace('{approvalItemId}', item?.approvalItems?.[0]?.id ?? '');
      const body = route.body?.(item, mode);
      const before = await snapshot(cookie);

      const res = await fetch(`${front.url}${url}`, {
        method: route.method,
        headers: {
          cookie,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...csrfHeaders(variant, front.url),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();

      if (variant !== 'valid') {
        expect(res.status, text).toBe(403);
        const dto = JSON.parse(text) as ErrorResponseDto;
        expect(dto.detailCode).toBe('403 Forbidden');
        expect(dto.trackingId).toMatch(/^[0-9a-f]{32}$/);
        expect(dto.messages![0]!.text).toMatch(
          variant === 'none' || variant === 'wrong' ? /X-Requested-With/ : /Origin/,
        );
        expect(res.headers.getSetCookie(), 'no session started, changed or ended').toEqual([]);
        expect(await snapshot(cookie), 'read back after the refusal').toBe(before);
        return;
      }
      expect(res.status, text).toBe(route.ok);
      // The valid call does what the refused ones did not: the data or the rules change, or a session is
      // started (a new cookie) or ended (the cookie cleared).
      if (route.name.startsWith('sign in')) expect(res.headers.getSetCookie().join()).toMatch(/wi-session=[^;]+/);
      else if (route.name.startsWith('sign out')) expect(res.headers.getSetCookie().join()).toMatch(/wi-session=;/);
      else expect(await snapshot(cookie), 'the valid call changed something').not.toBe(before);
    });
  });
}
