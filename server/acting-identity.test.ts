// A decision is never sent as someone else. Every state-changing operation of every kind, at both prefixes — the
// tenant proxy's operation table, so an operation added there joins this test (and fails it until it has a
// recipe below) — plus the sandbox's fault endpoint, in sandbox mode (by session cookie and by bearer token) and in
// tenant mode (by session cookie, through the proxy to a sandbox standing in for the tenant):
//   the acting-identity header naming another identity → 409 ErrorResponseDto, every stored row as it was
//   the header twice (two lines, or two values in one)  → 400, nothing changed
//   the header naming the caller                         → the operation's own success
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingApproval } from '../contract/access-requests.ts';
import type { Approval } from '../contract/generic-approvals.ts';
import { ACTING_IDENTITY_HEADER } from '../contract/session.ts';
import { EXPERIMENTAL_HEADER } from '../contract/work-reassignment.ts';
import type { ErrorResponseDto, WorkItem } from '../contract/work-items.ts';
import { proxyRoutes } from './plugins/tenant-proxy.ts';
import { catalogueItemNamed } from './sandbox/access-request-submissions/catalogue.ts';
import { ADA, ALICE, BOB, CAROL } from './sandbox/identities.ts';
import { hostOf, rawRequest } from './test/http.ts';
import { client, dumpDb, itemPools, sessionCookie, tokenFor, validSelection } from './test/sandbox.ts';
import { startTestServer, type TestServer } from './test/server.ts';

type Pool = 'task' | 'approval' | 'form' | 'access' | 'generic' | 'cancellable' | 'none';
/** A seeded work item or access-request approval. */
type Item = { id: string; approvalItems?: WorkItem['approvalItems'] };
interface Recipe {
  pool: Pool;
  body?: (item: Item) => unknown;
  ok: number;
  /** An admin's operation (ORG_ADMIN): made by ada. */
  admin?: boolean;
  /** Fixed path parameters (an operation with no seeded item to take). */
  params?: Record<string, string>;
  /** The operation leaves its item as it was (a comment, an attribute): the next cell may use it too. */
  keeps?: boolean;
  /** Headers the operation needs besides the caller's (work reassignment's experimental switch). */
  headers?: Record<string, string>;
  /** Puts in place what the operation changes (as ada, through the sandbox), before the cell's snapshot. */
  prepare?: (asAdmin: ReturnType<typeof client>) => Promise<void>;
}

/** How to make each operation succeed, by its path within its prefix. */
const RECIPES: Record<string, Recipe> = {
  '/:id': { pool: 'task', ok: 200 },
  '/:id/approve/:approvalItemId': { pool: 'approval', ok: 200 },
  '/:id/reject/:approvalItemId': { pool: 'approval', ok: 200 },
  '/bulk-approve/:id': { pool: 'approval', ok: 200 },
  '/bulk-reject/:id': { pool: 'approval', ok: 200 },
  '/:id/submit-account-selection': { pool: 'form', body: (item) => validSelection(item as WorkItem), ok: 200 },
  '/:id/forward': { pool: 'approval', body: () => ({ targetOwnerId: CAROL.id, comment: 'acting identity' }), ok: 200 },
  '/:approvalId/approve': { pool: 'access', body: () => ({}), ok: 202 },
  '/:approvalId/reject': { pool: 'access', body: () => ({ comment: 'acting identity' }), ok: 202 },
  '/:approvalId/forward': {
    pool: 'access',
    body: () => ({ newOwnerId: CAROL.id, comment: 'acting identity' }),
    ok: 202,
  },
  // the Approvals service
  '/:id/approve': { pool: 'generic', ok: 200 },
  '/:id/reject': { pool: 'generic', body: () => ({ comment: 'acting identity' }), ok: 204 },
  '/:id/reassign': { pool: 'generic', body: () => ({ reassignTo: CAROL.id }), ok: 204 },
  '/:id/comments': { pool: 'generic', keeps: true, body: () => ({ comment: 'acting identity' }), ok: 200 },
  '/:id/attributes': {
    pool: 'generic',
    keeps: true,
    body: () => ({ additionalAttributes: { acting: 'identity' } }),
    ok: 200,
  },
  '/bulk-approve': { pool: 'generic', admin: true, body: (item) => ({ approvalIds: [item.id] }), ok: 202 },
  '/bulk-reject': {
    pool: 'generic',
    admin: true,
    body: (item) => ({ approvalIds: [item.id], comment: 'acting identity' }),
    ok: 202,
  },
  // an access request's approval is cancelled with its access request, not here
  '/bulk-cancel': { pool: 'cancellable', admin: true, body: (item) => ({ approvalIds: [item.id] }), ok: 202 },
  '/bulk-reassign': {
    pool: 'generic',
    admin: true,
    body: (item) => ({ approvalIds: [item.id], reassignTo: CAROL.id }),
    ok: 202,
  },
  '/config/:id/:scope': {
    pool: 'none',
    admin: true,
    params: { id: 'AGENT_ACTIVATE_APPROVAL', scope: 'APPROVAL_TYPE' },
    body: () => ({ requiresComment: 'ALL' }),
    ok: 200,
  },
  // access-request submission (its whole path is its prefix): another item each time, since a request for what
  // is already waiting changes nothing
  '': {
    pool: 'none',
    body: () => ({ requestedFor: [CAROL.id], requestedItems: [{ type: 'ROLE', id: REQUESTABLE.shift()!.id }] }),
    ok: 202,
  },
};
// Work reassignment, by method and path within its prefix: alice's own ACCESS_REQUESTS delegation, made, changed
// and removed; the tenant switch by the admin (each PUT stamps who changed it and when, so each success shows)
const DELEGATION = '/v2025/reassignment-configurations';
const EXPERIMENTAL = { [EXPERIMENTAL_HEADER.toLowerCase()]: 'true' };
const delegationTo = (to: string) => ({
  reassignedFromId: ALICE.id,
  reassignedToId: to,
  configType: 'ACCESS_REQUESTS',
  startDate: new Date().toISOString(),
  endDate: new Date(Date.now() + 7 * 86_400_000).toISOString(),
});
const withoutDelegation = async (asAdmin: ReturnType<typeof client>) => {
  await asAdmin('DELETE', `${DELEGATION}/${ALICE.id}/ACCESS_REQUESTS`, undefined, EXPERIMENTAL);
};
const withDelegation = async (asAdmin: ReturnType<typeof client>) => {
  await withoutDelegation(asAdmin);
  const made = await asAdmin('POST', DELEGATION, delegationTo(BOB.id), EXPERIMENTAL);
  expect(made.status).toBe(201);
};
const REASSIGNMENT_RECIPES: Record<string, Recipe> = {
  'POST ': {
    pool: 'none',
    headers: EXPERIMENTAL,
    prepare: withoutDelegation,
    body: () => delegationTo(BOB.id),
    ok: 201,
  },
  'PUT /:identityId': {
    pool: 'none',
    headers: EXPERIMENTAL,
    params: { identityId: ALICE.id },
    prepare: withDelegation,
    body: () => delegationTo(CAROL.id),
    ok: 200,
  },
  'DELETE /:identityId/:configType': {
    pool: 'none',
    headers: EXPERIMENTAL,
    params: { identityId: ALICE.id, configType: 'ACCESS_REQUESTS' },
    prepare: withDelegation,
    ok: 204,
  },
  'PUT /tenant-config': {
    pool: 'none',
    admin: true,
    headers: EXPERIMENTAL,
    body: () => ({ configDetails: { disabled: false } }),
    ok: 200,
  },
};
/** One per cell of POST /v3/access-requests (two in sandbox mode, one in tenant mode). */
const REQUESTABLE = ['Finance Analyst', 'Payroll Administrator', 'Platform Engineer'].map(catalogueItemNamed);
/** DELETE of a config removes it: each such cell first puts this one (back) in place. */
const DELETED_CONFIG = 'AGENT_ACTIVATE_APPROVAL';
const SPEC = { spec: 'GET /v3/work-items/count=latency:1' };
/** Rules in place before a fault-endpoint cell, so that each valid call has something to change. */
const STANDING_RULES = { spec: 'GET /v3/work-items/completed/count=latency:1' };

interface Operation {
  name: string;
  method: string;
  url: string;
  recipe: Recipe;
  /** Admin-only and sandbox-only: /sandbox/faults. */
  faults?: boolean;
}

const OPERATIONS: Operation[] = proxyRoutes()
  .filter((route) => route.method !== 'GET')
  .map((route) => {
    const path = route.url.slice(route.prefix.length);
    const recipe = route.url.includes('/reassignment-configurations')
      ? REASSIGNMENT_RECIPES[`${route.method} ${path}`]
      : route.method === 'DELETE' && path === '/config/:id/:scope'
        ? { pool: 'none' as const, admin: true, params: { scope: 'APPROVAL_TYPE' }, ok: 204 }
        : RECIPES[path];
    if (!recipe) throw new Error(`${route.method} ${route.url} has no recipe in acting-identity.test.ts: add one`);
    return { name: `${route.method} ${route.url}`, method: route.method, url: route.url, recipe };
  });
const FAULTS: Operation[] = (['PUT', 'POST', 'DELETE'] as const).map((method) => ({
  name: `${method} /sandbox/faults`,
  method,
  url: '/sandbox/faults',
  recipe: { pool: 'none', body: method === 'DELETE' ? undefined : () => SPEC, ok: method === 'DELETE' ? 204 : 200 },
  faults: true,
}));

for (const mode of ['sandbox', 'tenant'] as const) {
  describe(`the acting identity (${mode} mode)`, () => {
    let sandbox: TestServer;
    let tenant: TestServer | undefined;
    let front: TestServer;
    const credentials = {} as Record<
      'cookie' | 'bearer',
      { alice: Record<string, string>; ada: Record<string, string> }
    >;
    let pools: Record<Exclude<Pool, 'none'>, Item[]>;
    let adminToken: string;

    beforeAll(async () => {
      // enough of alice's approvals for every cell (a tenth of the scale comes as Approvals-service approvals)
      sandbox = await startTestServer({ SANDBOX_SEED_SCALE: '400' });
      if (mode === 'tenant')
        tenant = await startTestServer({ SAIL_BASE_URL: sandbox.url, SESSION_SECRET: 'a'.repeat(40) });
      front = tenant ?? sandbox;
      const pat = (alias: string) => ({ clientId: alias, clientSecret: 'sandbox-secret' });
      const cookie = async (alias: string) => ({
        cookie: await sessionCookie(front.url, pat(alias)),
        'x-requested-with': 'XMLHttpRequest',
      });
      credentials.cookie = { alice: await cookie('alice.approver'), ada: await cookie('ada.admin') };
      const bearer = async (alias: string) => ({ authorization: `Bearer ${await tokenFor(sandbox.url, alias)}` });
      credentials.bearer = { alice: await bearer('alice.approver'), ada: await bearer('ada.admin') };
      adminToken = await tokenFor(sandbox.url, 'ada.admin');
      const alice = client(sandbox.url, await tokenFor(sandbox.url, 'alice.approver'));
      const access = await alice<PendingApproval[]>('GET', '/v3/access-request-approvals/pending');
      // Not one that carol (the forward target) requested or is for: self-review would refuse it.
      const party = (a: PendingApproval) => [a.requester?.id, a.requestedFor?.id].includes(CAROL.id);
      const desk = await alice<Approval[]>(
        'GET',
        `/v2025/generic-approvals?mine=true&include-approvers=true&limit=250&filters=${encodeURIComponent('status eq "PENDING"')}`,
      );
      // only alice approves them, and neither carol (reassign's target) nor ada (the bulk operations' admin) asked
      // for them or is their requestee
      const generic = desk.body.filter(
        (a) =>
          a.approvers!.length === 1 &&
          ![a.requestee?.identityID, a.requester?.identityID].some((id) => id === CAROL.id || id === ADA.id),
      );
      pools = {
        ...(await itemPools(alice)),
        access: access.body.filter((a) => !party(a)),
        generic: generic.filter((a) => a.type === 'ACCESS_REQUEST_APPROVAL'),
        // whoever approves them: the admin cancels
        cancellable: (
          await client(sandbox.url, adminToken)<Approval[]>(
            'GET',
            `/v2025/generic-approvals?limit=250&filters=${encodeURIComponent('status eq "PENDING"')}`,
          )
        ).body.filter((a) => a.type !== 'ACCESS_REQUEST_APPROVAL'),
      };
    });
    afterAll(async () => {
      await tenant?.close();
      await sandbox?.close();
    });

    const faultRules = async () => (await client(sandbox.url, adminToken)('GET', '/sandbox/faults')).body;
    const snapshot = async () => JSON.stringify([dumpDb(sandbox.config.sandboxDb), await faultRules()]);

    const vias = mode === 'sandbox' ? (['cookie', 'bearer'] as const) : (['cookie'] as const);
    const operations = mode === 'sandbox' ? [...OPERATIONS, ...FAULTS] : OPERATIONS;
    const cells = operations.flatMap((operation) => vias.map((via) => ({ operation, via })));

    it.each(cells)('$operation.name by $via', async ({ operation, via }) => {
      const { recipe } = operation;
      const pool = recipe.pool === 'none' ? undefined : pools[recipe.pool];
      const item = recipe.keeps ? pool?.[0] : pool?.shift();
      if (recipe.pool !== 'none' && !item) throw new Error(`no seeded ${recipe.pool} item left for ${operation.name}`);
      const asAdmin = operation.faults || recipe.admin;
      const [caller, other] = asAdmin ? [ADA, ALICE] : [ALICE, BOB];
      const own = credentials[via][asAdmin ? 'ada' : 'alice'];
      const params = { ...recipe.params };
      if (operation.method === 'DELETE' && operation.url.endsWith('/config/:id/:scope')) {
        params.id = DELETED_CONFIG;
        const made = await client(sandbox.url, adminToken)(
          'PUT',
          `/v2025/generic-approvals/config/${params.id}/${params.scope}`,
          { requiresComment: 'ALL' },
        );
        expect(made.status).toBe(200);
      }
      await recipe.prepare?.(client(sandbox.url, adminToken));
      const url = operation.url
        .replace(':identityId', params.identityId ?? '')
        .replace(':configType', params.configType ?? '')
        .replace(/:id\b|:approvalId\b/, params.id ?? item?.id ?? '')
        .replace(':scope', params.scope ?? '')
        .replace(':approvalItemId', item?.approvalItems?.[0]?.id ?? '');
      const body = recipe.body?.(item!);
      const send = (acting: string[]) =>
        fetch(`${front.url}${url}`, {
          method: operation.method,
          headers: [
            ...Object.entries(own),
            ...Object.entries(recipe.headers ?? {}),
            ...(body === undefined ? [] : [['content-type', 'application/json']]),
            ...acting.map((id) => [ACTING_IDENTITY_HEADER, id]),
          ] as [string, string][],
          body: body === undefined ? undefined : JSON.stringify(body),
        });

      if (operation.faults) await client(sandbox.url, adminToken)('PUT', '/sandbox/faults', STANDING_RULES);
      const before = await snapshot();
      const refused = await send([other.id]);
      const dto = (await refused.json()) as ErrorResponseDto;
      expect(refused.status, JSON.stringify(dto)).toBe(409);
      expect(dto.detailCode).toBe('409 Conflict');
      expect(dto.trackingId).toMatch(/^[0-9a-f]{32}$/);
      // the tenant's server knows its session's name, not every identity's
      const maker = mode === 'tenant' ? other.id : other.name;
      expect(dto.messages![0]!.text).toContain(
        `This decision was made by ${maker}; the session is ${caller.name}'s; nothing was changed`,
      );
      expect(await snapshot(), 'nothing changed after the 409').toBe(before);

      const twice = await send([caller.id, caller.id]);
      expect(twice.status).toBe(400);
      expect(JSON.stringify(await twice.json())).toMatch(/sent 2 times/);
      expect(await snapshot(), 'nothing changed after the 400').toBe(before);

      const done = await send([caller.id]);
      expect(done.status, await done.clone().text()).toBe(recipe.ok);
      expect(await snapshot(), 'its own identity: the operation ran').not.toBe(before);
    });

    it('two header lines (not one joined value) are refused the same way', async () => {
      const [item] = pools.approval.splice(0, 1);
      const own = credentials.cookie.alice;
      const before = await snapshot();
      const answer = await rawRequest(
        front.url,
        `POST /v3/work-items/bulk-approve/${item!.id} HTTP/1.1\r\nHost: ${hostOf(front.url)}\r\nCookie: ${own.cookie}\r\n` +
          `X-Requested-With: XMLHttpRequest\r\n${ACTING_IDENTITY_HEADER}: ${ALICE.id}\r\n` +
          `${ACTING_IDENTITY_HEADER}: ${ALICE.id}\r\nContent-Length: 0`,
      );
      expect(answer.status).toBe(400);
      expect(await snapshot()).toBe(before);
    });
  });
}
