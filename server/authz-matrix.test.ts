// The authorization matrix: every endpoint × every kind of caller → the status it must get, as one table. Each
// cell is one real HTTP request to the real server, made twice: with a bearer token (curl, the SDK) and with the
// session cookie of the same kind of caller (the browser), which must get the same answer. A cell that could
// change data and is expected to succeed gets a work item of its own. Then the sign-in routes (/auth, /oauth),
// where the credentials in the request decide and the caller's token or cookie does not; and the IDOR case, an
// approval item of another work item reached through one's own work item's path.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingApproval } from '../contract/access-requests.ts';
import type { Approval } from '../contract/generic-approvals.ts';
import type { ErrorResponseDto, WorkItem } from '../contract/work-items.ts';
import { catalogueItemNamed } from './sandbox/access-request-submissions/catalogue.ts';
import { issueToken } from './sandbox/oauth/tokens.ts';
import { getMeta } from './sandbox/db.ts';
import { ADA, ALICE, BOB, CAROL } from './sandbox/identities.ts';
import { client, dumpDb, itemPools, sessionCookie, tokenFor, validSelection, type Call } from './test/sandbox.ts';
import { startTestServer, type TestServer } from './test/server.ts';

/**
 * Columns (bearer caller / cookie caller):
 *   none     no Authorization header / no cookie
 *   bad      a well-formed JWT signed with the wrong key / a session cookie that does not decrypt
 *   expired  alice's genuine token, expired a minute ago / a session whose token expired a minute ago
 *   item     bob (not an admin) on alice's work item or approval — for /sandbox/faults, /sandbox/clock, the bulk
 *            operations and the approval configs: bob at all
 *   owner    bob with ?ownerId=<alice> (approverId, requested-for, or asking to revoke alice's access) — for
 *            /sandbox/faults and /sandbox/clock: bob at all
 *   admin    ada (ORG_ADMIN) on alice's item / with ?ownerId=<alice>
 * `—` = the column does not apply to that endpoint (no item in the path, or no ownerId parameter).
 * Another owner's item answers 403, not 404 (documented in server/sandbox/work-items/queries.ts).
 */
const _ = null;
type Cell = number | null;
type Target = 'none' | 'any' | 'task' | 'approval' | 'form' | 'access' | 'generic' | 'other' | 'config';
// prettier-ignore
const MATRIX: [operation: string, method: string, path: string, target: Target, none: Cell, bad: Cell, expired: Cell, item: Cell, owner: Cell, admin: Cell][] = [
  //  operation                      method    path                                           target      none bad  exp  item owner admin
  ['listWorkItems',                  'GET',    '/v3/work-items',                              'none',     401, 401, 401, _,   403, 200],
  ['getCompletedWorkItems',          'GET',    '/v3/work-items/completed',                    'none',     401, 401, 401, _,   403, 200],
  ['getCountWorkItems',              'GET',    '/v3/work-items/count',                        'none',     401, 401, 401, _,   403, 200],
  ['getCountCompletedWorkItems',     'GET',    '/v3/work-items/completed/count',              'none',     401, 401, 401, _,   403, 200],
  ['getWorkItemsSummary',            'GET',    '/v3/work-items/summary',                      'none',     401, 401, 401, _,   403, 200],
  ['getWorkItem',                    'GET',    '/v3/work-items/{id}',                         'any',      401, 401, 401, 403, _,   200],
  ['completeWorkItem',               'POST',   '/v3/work-items/{id}',                         'task',     401, 401, 401, 403, _,   200],
  ['approveApprovalItem',            'POST',   '/v3/work-items/{id}/approve/{approvalItemId}', 'approval', 401, 401, 401, 403, _,   200],
  ['rejectApprovalItem',             'POST',   '/v3/work-items/{id}/reject/{approvalItemId}', 'approval', 401, 401, 401, 403, _,   200],
  ['approveApprovalItemsInBulk',     'POST',   '/v3/work-items/bulk-approve/{id}',            'approval', 401, 401, 401, 403, _,   200],
  ['rejectApprovalItemsInBulk',      'POST',   '/v3/work-items/bulk-reject/{id}',             'approval', 401, 401, 401, 403, _,   200],
  ['submitAccountSelection',         'POST',   '/v3/work-items/{id}/submit-account-selection', 'form',    401, 401, 401, 403, _,   200],
  ['sendWorkItemForward',            'POST',   '/v3/work-items/{id}/forward',                 'any',      401, 401, 401, 403, _,   200],
  ['listPublicIdentities',           'GET',    '/v3/public-identities',                       'none',     401, 401, 401, _,   _,   200],
  ['listPendingApprovals',           'GET',    '/v3/access-request-approvals/pending',        'none',     401, 401, 401, _,   403, 200],
  ['listCompletedApprovals',         'GET',    '/v3/access-request-approvals/completed',      'none',     401, 401, 401, _,   403, 200],
  ['getAccessRequestApprovalSummary', 'GET',   '/v3/access-request-approvals/approval-summary', 'none',   401, 401, 401, _,   403, 200],
  ['approveAccessRequest',           'POST',   '/v3/access-request-approvals/{id}/approve',   'access',   401, 401, 401, 403, _,   202],
  ['rejectAccessRequest',            'POST',   '/v3/access-request-approvals/{id}/reject',    'access',   401, 401, 401, 403, _,   202],
  ['forwardAccessRequest',           'POST',   '/v3/access-request-approvals/{id}/forward',   'access',   401, 401, 401, 403, _,   202],
  ['listPendingApprovals (v1)',      'GET',    '/access-request-approvals/v1/pending',        'none',     401, 401, 401, _,   403, 200],
  ['approveAccessRequest (v1)',      'POST',   '/access-request-approvals/v1/{id}/approve',   'access',   401, 401, 401, 403, _,   202],
  ['forwardAccessRequest (v1)',      'POST',   '/access-request-approvals/v1/{id}/forward',   'access',   401, 401, 401, 403, _,   202],
  ['read sandbox faults',            'GET',    '/sandbox/faults',                             'none',     401, 401, 401, 403, 403, 200],
  ['replace sandbox faults',         'PUT',    '/sandbox/faults',                             'none',     401, 401, 401, 403, 403, 200],
  ['replace sandbox faults (POST)',  'POST',   '/sandbox/faults',                             'none',     401, 401, 401, 403, 403, 200],
  ['clear sandbox faults',           'DELETE', '/sandbox/faults',                             'none',     401, 401, 401, 403, 403, 204],
  ['getApprovals',                   'GET',    '/v2025/generic-approvals',                    'none',     401, 401, 401, _,   403, 200],
  ['getApprovals (v2024)',           'GET',    '/v2024/generic-approvals',                    'none',     401, 401, 401, _,   403, 200],
  ['getApproval',                    'GET',    '/v2025/generic-approvals/{id}',               'generic',  401, 401, 401, 403, _,   200],
  ['getApproval (v2024)',            'GET',    '/v2024/generic-approvals/{id}',               'generic',  401, 401, 401, 403, _,   200],
  ['approveApproval',                'POST',   '/v2025/generic-approvals/{id}/approve',       'generic',  401, 401, 401, 403, _,   200],
  ['approveApproval (v1)',           'POST',   '/generic-approvals/v1/{id}/approve',          'generic',  401, 401, 401, 403, _,   200],
  ['rejectApproval',                 'POST',   '/v2025/generic-approvals/{id}/reject',        'generic',  401, 401, 401, 403, _,   204],
  ['updateApprovalsReassign',        'POST',   '/beta/generic-approvals/{id}/reassign',       'generic',  401, 401, 401, 403, _,   204],
  ['updateApprovalsComments',        'POST',   '/v2025/generic-approvals/{id}/comments',      'generic',  401, 401, 401, 403, _,   200],
  ['updateApprovalsAttributes',      'POST',   '/v2025/generic-approvals/{id}/attributes',    'generic',  401, 401, 401, 403, _,   200],
  ['approveApprovalInBulk',          'POST',   '/v2025/generic-approvals/bulk-approve',       'generic',  401, 401, 401, 403, _,   202],
  ['rejectApprovalInBulk',           'POST',   '/v2025/generic-approvals/bulk-reject',        'generic',  401, 401, 401, 403, _,   202],
  ['moveApproval (bulk reassign)',   'POST',   '/v2025/generic-approvals/bulk-reassign',      'generic',  401, 401, 401, 403, _,   202],
  ['cancelApproval (bulk)',          'POST',   '/v2025/generic-approvals/bulk-cancel',        'other',    401, 401, 401, 403, _,   202],
  ['getApprovalsConfig',             'GET',    '/v2025/generic-approvals/config/{id}',        'config',   401, 401, 401, 200, _,   200],
  ['putApprovalsConfig',             'PUT',    '/v2025/generic-approvals/config/{id}/APPROVAL_TYPE', 'config', 401, 401, 401, 403, _, 200],
  ['deleteApprovalConfigRequest',    'DELETE', '/v2025/generic-approvals/config/{id}/APPROVAL_TYPE', 'config', 401, 401, 401, 403, _, 204],
  ['createAccessRequest',            'POST',   '/v3/access-requests',                         'none',     401, 401, 401, _,   403, 202],
  ['listAccessRequestStatus',        'GET',    '/v3/access-request-status',                   'none',     401, 401, 401, _,   403, 200],
  ['read the sandbox clock',         'GET',    '/sandbox/clock',                              'none',     401, 401, 401, 403, 403, 200],
  ['move the sandbox clock',         'PUT',    '/sandbox/clock',                              'none',     401, 401, 401, 403, 403, 200],
];
const COLUMNS = ['none', 'bad', 'expired', 'item', 'owner', 'admin'] as const;
type Column = (typeof COLUMNS)[number];

type Via = 'bearer' | 'cookie';
const CELLS = MATRIX.flatMap(([operation, method, path, target, ...expected]) =>
  (['bearer', 'cookie'] as const).flatMap((via) =>
    COLUMNS.map((column, i) => ({ operation, method, path, target, column, via, status: expected[i] })).filter(
      // "no cookie" is "no token": asked once
      (cell): cell is typeof cell & { status: number } =>
        cell.status !== null && !(via === 'cookie' && cell.column === 'none'),
    ),
  ),
);

let server: TestServer;
const tokens = {} as Record<'alice' | 'bob' | 'ada' | 'bad' | 'expired', string>;
const pools: Record<Exclude<Target, 'none' | 'access' | 'generic' | 'other' | 'config'>, WorkItem[]> = {
  any: [],
  task: [],
  approval: [],
  form: [],
};
/** Alice's pending access-request approvals (ids). */
let accessPool: string[] = [];
/** Approvals of the Approvals service on alice's desk: access requests she alone approves, and other kinds. */
const approvalPools: Record<'generic' | 'other' | 'config', string[]> = { generic: [], other: [], config: [] };
let probe: WorkItem;

beforeAll(async () => {
  // the seed scale gives alice enough approvals of the Approvals service for every admin cell to use its own
  server = await startTestServer({ SAIL_OAUTH_CLIENT_ID: 'work-items-inbox', SANDBOX_SEED_SCALE: '100' });
  tokens.alice = await tokenFor(server.url, 'alice.approver');
  tokens.bob = await tokenFor(server.url, 'bob.approver');
  tokens.ada = await tokenFor(server.url, 'ada.admin');
  tokens.bad = (await issueToken(randomBytes(32), ADA, 'ada.admin', 3600)).access_token;
  const db = new Database(server.config.sandboxDb, { readonly: true });
  const key = Buffer.from(getMeta(db, 'jwt_key')!, 'hex');
  db.close();
  tokens.expired = (await issueToken(key, ALICE, 'alice.approver', -60)).access_token;

  ({
    task: pools.task,
    approval: pools.approval,
    form: pools.form,
  } = await itemPools(client(server.url, tokens.alice)));
  pools.any = pools.approval.slice(pools.approval.length / 2);
  pools.approval = pools.approval.slice(0, pools.approval.length / 2);
  probe = pools.approval.pop()!;
  const approvals = await client(server.url, tokens.alice)<PendingApproval[]>(
    'GET',
    '/v3/access-request-approvals/pending',
  );
  // Not the ones ada, bob or carol (the forward target) requested or are for: the self-review rules would refuse
  // those (self-review.test.ts).
  const party = (a: PendingApproval) =>
    [a.requester?.id, a.requestedFor?.id].some((id) => id === ADA.id || id === BOB.id || id === CAROL.id);
  accessPool = approvals.body.filter((a) => !party(a)).map((a) => a.id);
  const desk = await client(server.url, tokens.alice)<Approval[]>(
    'GET',
    `/v2025/generic-approvals?mine=true&include-approvers=true&filters=${encodeURIComponent('status eq "PENDING"')}`,
  );
  // one approver (alice), not asked for by or for carol (reassign's target) or ada (who decides as the admin)
  const others = [CAROL.id, ADA.id];
  const alone = desk.body.filter(
    (a) =>
      a.approvers!.length === 1 &&
      !others.includes(a.requestee?.identityID ?? '') &&
      !others.includes(a.requester?.identityID ?? ''),
  );
  approvalPools.generic = alone.filter((a) => a.type === 'ACCESS_REQUEST_APPROVAL').map((a) => a.id);
  approvalPools.other = alone.filter((a) => a.type === 'ENTITLEMENT_DESCRIPTIONS').map((a) => a.id);
  // the seeded approval-type configs: each successful delete takes one
  approvalPools.config = ['ENTITLEMENT_DESCRIPTIONS', 'ACCOUNT_DELETE_APPROVAL_REQUEST', 'ACCESS_REQUEST_APPROVAL'];
});

afterAll(async () => {
  await server?.close();
});

const XHR = { 'x-requested-with': 'XMLHttpRequest' };

/**
 * The session cookie of a kind of caller: a fresh sign-in (so that no cell depends on another's session), a
 * cookie that does not decrypt, or a genuine session (encrypted with the server's own key) whose token expired.
 */
async function cookieOf(kind: 'bad' | 'expired' | 'bob' | 'ada'): Promise<string> {
  if (kind === 'bad') return `wi-session=${randomBytes(80).toString('base64url')}`;
  if (kind === 'expired') {
    const exp = Math.floor(Date.now() / 1000) - 60;
    const session = server.app.createSecureSession({
      auth: { token: tokens.expired, identityId: ALICE.id, name: ALICE.name, isAdmin: false, exp },
    });
    return `wi-session=${server.app.encodeSecureSession(session)}`;
  }
  return sessionCookie(server.url, { identity: `${kind}.${kind === 'ada' ? 'admin' : 'approver'}` });
}

/** A call as this kind of caller: its bearer token, or its session cookie (with the CSRF header, as the app sends). */
async function callerFor(via: Via, who: 'none' | 'bad' | 'expired' | 'bob' | 'ada'): Promise<Call> {
  if (who === 'none') return client(server.url);
  if (via === 'bearer') return client(server.url, tokens[who]);
  const cookie = await cookieOf(who);
  const call = client(server.url);
  return (method, path, body, headers = {}) => call(method, path, body, { cookie, ...XHR, ...headers });
}

async function request(cell: (typeof CELLS)[number]) {
  const who: Record<Column, 'none' | 'bad' | 'expired' | 'bob' | 'ada'> = {
    none: 'none',
    bad: 'bad',
    expired: 'expired',
    item: 'bob',
    owner: 'bob',
    admin: 'ada',
  };
  // Only the admin's successful mutations use up an item; refused cells all aim at the same one.
  const mutating = cell.method !== 'GET' && cell.status < 300;
  let item = probe;
  if (cell.target === 'access') item = { id: (mutating ? accessPool.shift() : accessPool[0])! };
  else if (cell.target === 'generic' || cell.target === 'other' || cell.target === 'config') {
    const pool = approvalPools[cell.target];
    // a decision, cancel or reassignment uses its approval up, a delete its config; a comment, attributes or PUT not
    const usesUp = mutating && cell.method !== 'PUT' && !/Comments|Attributes/.test(cell.operation);
    item = { id: (usesUp ? pool.shift() : pool[0])! };
  } else if (cell.target !== 'none') item = mutating ? pools[cell.target].shift()! : (pools[cell.target][0] ?? probe);
  if (!item?.id) throw new Error(`no seeded item left for ${cell.target}`);
  let url = cell.path.replace('{id}', item.id!).replace('{approvalItemId}', item.approvalItems?.[0]?.id ?? 'x');
  if ((cell.column === 'owner' || cell.column === 'admin') && cell.target === 'none') {
    if (url.startsWith('/v3/work-items')) url += `?ownerId=${ALICE.id}`;
    if (url.includes('access-request-approvals')) url += `?owner-id=${ALICE.id}`;
    if (url.includes('generic-approvals')) url += `?approverId=${ALICE.id}`;
    if (url.includes('access-request-status')) url += `?requested-for=${ALICE.id}`;
  }
  let body: unknown;
  if (cell.target === 'form') body = validSelection(item);
  if (cell.operation === 'sendWorkItemForward') body = { targetOwnerId: CAROL.id, comment: 'authz matrix' };
  if (cell.operation.startsWith('rejectAccessRequest')) body = { comment: 'authz matrix' };
  if (cell.operation.startsWith('forwardAccessRequest')) body = { newOwnerId: CAROL.id, comment: 'authz matrix' };
  if (cell.method === 'PUT' || (cell.method === 'POST' && url === '/sandbox/faults')) body = { spec: '' };
  if (url.includes('generic-approvals')) body = approvalBody(cell.operation, item.id!);
  if (url === '/sandbox/clock' && cell.method === 'PUT') body = { offsetMs: 0 };
  if (url.startsWith('/v3/access-requests')) {
    // the owner column: bob asks to revoke alice's access, which only her manager or an admin may
    body = {
      requestType: cell.column === 'owner' ? 'REVOKE_ACCESS' : 'GRANT_ACCESS',
      requestedFor: [cell.column === 'owner' ? ALICE.id : CAROL.id],
      requestedItems: [{ type: 'ROLE', id: catalogueItemNamed('Finance Analyst').id, comment: 'authz matrix' }],
    };
  }
  return (await callerFor(cell.via, who[cell.column as Column]))(cell.method, url, body);
}

/** The body each Approvals service operation of the matrix sends. */
function approvalBody(operation: string, id: string): unknown {
  if (operation.includes('Bulk') || operation.startsWith('cancel'))
    return { approvalIds: [id], comment: 'authz matrix' };
  if (operation.startsWith('reject')) return { comment: 'authz matrix' };
  if (operation.startsWith('updateApprovalsReassign')) return { reassignTo: CAROL.id };
  if (operation.startsWith('updateApprovalsComments')) return { comment: 'authz matrix' };
  if (operation.startsWith('updateApprovalsAttributes')) return { additionalAttributes: { matrix: 'yes' } };
  if (operation.startsWith('moveApproval')) return { approvalIds: [id], reassignTo: CAROL.id };
  if (operation.startsWith('putApprovalsConfig')) return { requiresComment: 'ALL' };
  return undefined;
}

describe('authorization matrix', () => {
  it.each(CELLS)('$operation · $column ($via) → $status', async (cell) => {
    const before = cell.status >= 400 ? dumpDb(server.config.sandboxDb) : '';
    const res = await request(cell);
    expect(res.status, String(JSON.stringify(res.body)).slice(0, 300)).toBe(cell.status);
    if (res.status === 401) expect(res.body).toEqual({ error: expect.any(String) });
    if (res.status === 403)
      expect(res.body).toMatchObject({ detailCode: '403 Forbidden', trackingId: expect.any(String) });
    // A refused call changes nothing.
    if (cell.status >= 400) expect(dumpDb(server.config.sandboxDb)).toBe(before);
  });
});

/**
 * The sign-in routes: who may call them does not depend on the caller's token or cookie, only on the credentials
 * the request itself carries. Columns: none, bob's bearer token, a cookie that does not decrypt, an expired
 * session, bob's session, ada's session. GET /auth/session is the one that reads the cookie — and only the cookie
 * (a bearer token is not a session).
 */
const AUTH_COLUMNS = ['none', 'bearer', 'bad', 'expired', 'bob', 'ada'] as const;
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const AUTHORIZE = new URLSearchParams({
  response_type: 'code',
  client_id: 'work-items-inbox',
  redirect_uri: 'http://127.0.0.1/auth/callback',
  state: 'authz-matrix',
  code_challenge: CHALLENGE,
  code_challenge_method: 'S256',
});
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
// prettier-ignore
const AUTH_MATRIX: [operation: string, method: string, path: string, body: unknown, headers: Record<string, string>, expected: number[]][] = [
  //  operation                              method    path                                      body                                                                                   headers  none bearer bad exp  bob  ada
  ['read the session',                       'GET',    '/auth/session',                          undefined,                                                                             {},      [401, 401,   401, 401, 200, 200]],
  ['sign in (demo identity)',                'POST',   '/auth/session',                          { identity: 'alice.approver' },                                                         {},      [200, 200,   200, 200, 200, 200]],
  ['sign in (wrong secret)',                 'POST',   '/auth/session',                          { clientId: 'alice.approver', clientSecret: 'wrong' },                                  {},      [401, 401,   401, 401, 401, 401]],
  ['sign out',                               'DELETE', '/auth/session',                          undefined,                                                                             {},      [204, 204,   204, 204, 204, 204]],
  ['demo identities',                        'GET',    '/auth/identities',                       undefined,                                                                             {},      [200, 200,   200, 200, 200, 200]],
  ['sign-in methods',                        'GET',    '/auth/config',                           undefined,                                                                             {},      [200, 200,   200, 200, 200, 200]],
  ['start "Sign in with SailPoint"',         'GET',    '/auth/login?returnTo=/inbox',            undefined,                                                                             {},      [302, 302,   302, 302, 302, 302]],
  ['callback without an attempt',            'GET',    '/auth/callback?code=x&state=y',          undefined,                                                                             {},      [400, 400,   400, 400, 400, 400]],
  ['token (client credentials)',             'POST',   '/oauth/token',                           form({ grant_type: 'client_credentials', client_id: 'alice.approver', client_secret: 'sandbox-secret' }), FORM, [200, 200, 200, 200, 200, 200]],
  ['token (wrong secret)',                   'POST',   '/oauth/token',                           form({ grant_type: 'client_credentials', client_id: 'alice.approver', client_secret: 'wrong' }), FORM, [401, 401, 401, 401, 401, 401]],
  ['token (unknown code)',                   'POST',   '/oauth/token',                           form({ grant_type: 'authorization_code', code: 'nope', client_id: 'work-items-inbox' }), FORM, [400, 400, 400, 400, 400, 400]],
  ['authorize page',                         'GET',    `/oauth/authorize?${AUTHORIZE}`,          undefined,                                                                             {},      [200, 200,   200, 200, 200, 200]],
  ['authorize (choose alice)',               'POST',   '/oauth/authorize',                       form({ ...Object.fromEntries(AUTHORIZE), identity: 'alice.approver' }),                  FORM,    [302, 302,   302, 302, 302, 302]],
];
const AUTH_CELLS = AUTH_MATRIX.flatMap(([operation, method, path, body, headers, expected]) =>
  AUTH_COLUMNS.map((column, i) => ({ operation, method, path, body, headers, column, status: expected[i]! })),
);

describe('authorization matrix: sign-in routes', () => {
  it.each(AUTH_CELLS)('$operation · $column → $status', async ({ method, path, body, headers, column, status }) => {
    const caller = column === 'bearer' ? client(server.url, tokens.bob) : await callerFor('cookie', column);
    const before = dumpDb(server.config.sandboxDb);
    const res = await caller<Record<string, unknown>>(method, path, body, { ...XHR, ...headers });
    expect(res.status, String(JSON.stringify(res.body)).slice(0, 300)).toBe(status);
    if (res.status === 401 && path.startsWith('/auth/')) expect(res.body).toEqual({ error: expect.any(String) });
    // Whoever calls, a session read is the cookie's own, and a token or a session is for the credentials sent.
    if (method === 'GET' && path === '/auth/session' && status === 200) {
      expect(res.body.identityId).toBe(column === 'ada' ? ADA.id : BOB.id);
    }
    if (path === '/oauth/token' && status === 200) expect(res.body.identity_id).toBe(ALICE.id);
    if (path === '/auth/session' && method === 'POST' && status === 200) expect(res.body.identityId).toBe(ALICE.id);
    // None of them writes a work item.
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
  });
});

describe("IDOR: an approval item of another work item, through one's own work item's path", () => {
  it.each([
    ['bearer', 'approve'],
    ['bearer', 'reject'],
    ['cookie', 'approve'],
    ['cookie', 'reject'],
  ] as const)('%s · %s → 404, nothing changes', async (via, decision) => {
    const bob = await callerFor(via, 'bob');
    const ada = await callerFor(via, 'ada');
    const bobsItem = (await itemPools(client(server.url, tokens.bob))).approval[0]!;
    const [alicesItem, alicesOther] = [pools.approval[0]!, pools.approval[1]!];
    const before = dumpDb(server.config.sandboxDb);
    const attempts = [
      // bob: his own item's path, alice's approval item
      [bob, bobsItem.id, alicesItem.approvalItems![0]!.id],
      // an admin: one of alice's items, an approval item of another of her items
      [ada, alicesItem.id, alicesOther.approvalItems![0]!.id],
      // an admin: alice's item, bob's approval item
      [ada, alicesItem.id, bobsItem.approvalItems![0]!.id],
    ] as const;
    for (const [call, workItemId, approvalItemId] of attempts) {
      const res = await call<ErrorResponseDto>('POST', `/v3/work-items/${workItemId}/${decision}/${approvalItemId}`);
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body.detailCode).toBe('404 Not found');
      expect(res.body.messages![0]!.text).toContain(`was not found in work item ${workItemId}`);
    }
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
  });
});
