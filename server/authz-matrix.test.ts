// The authorization matrix (issue 9): every endpoint × every kind of caller → the status it must get, as one
// table. Each cell is one real HTTP request to the real server; a cell that could change data and is expected to
// succeed gets a work item of its own.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../contract/work-items.ts';
import { issueToken } from './sandbox/auth.ts';
import { getMeta } from './sandbox/db.ts';
import { ADA, ALICE, CAROL } from './sandbox/identities.ts';
import { client, dumpDb, itemPools, tokenFor, validSelection } from './sandbox/testing.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/**
 * Columns:
 *   none     no Authorization header
 *   bad      a well-formed JWT signed with the wrong key
 *   expired  alice's genuine token, expired a minute ago
 *   item     bob (not an admin) on alice's work item — for /sandbox/faults: bob at all
 *   owner    bob with ?ownerId=<alice> — for /sandbox/faults: bob at all
 *   admin    ada (ORG_ADMIN) on alice's item / with ?ownerId=<alice>
 * `—` = the column does not apply to that endpoint (no item in the path, or no ownerId parameter).
 * Another owner's item answers 403, not 404 (documented in server/sandbox/store.ts).
 */
const _ = null;
type Cell = number | null;
type Target = 'none' | 'any' | 'task' | 'approval' | 'form';
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
  ['read sandbox faults',            'GET',    '/sandbox/faults',                             'none',     401, 401, 401, 403, 403, 200],
  ['replace sandbox faults',         'PUT',    '/sandbox/faults',                             'none',     401, 401, 401, 403, 403, 200],
  ['replace sandbox faults (POST)',  'POST',   '/sandbox/faults',                             'none',     401, 401, 401, 403, 403, 200],
  ['clear sandbox faults',           'DELETE', '/sandbox/faults',                             'none',     401, 401, 401, 403, 403, 204],
];
const COLUMNS = ['none', 'bad', 'expired', 'item', 'owner', 'admin'] as const;
type Column = (typeof COLUMNS)[number];

const CELLS = MATRIX.flatMap(([operation, method, path, target, ...expected]) =>
  COLUMNS.map((column, i) => ({ operation, method, path, target, column, status: expected[i] })).filter(
    (cell): cell is typeof cell & { status: number } => cell.status !== null,
  ),
);

let server: TestServer;
const tokens = {} as Record<'alice' | 'bob' | 'ada' | 'bad' | 'expired', string>;
const pools: Record<Exclude<Target, 'none'>, WorkItem[]> = { any: [], task: [], approval: [], form: [] };
let probe: WorkItem;

beforeAll(async () => {
  server = await startTestServer();
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
});

afterAll(async () => {
  await server?.close();
});

function request(cell: (typeof CELLS)[number]) {
  const who: Record<Column, keyof typeof tokens | undefined> = {
    none: undefined,
    bad: 'bad',
    expired: 'expired',
    item: 'bob',
    owner: 'bob',
    admin: 'ada',
  };
  // Only the admin's successful mutations use up an item; refused cells all aim at the same one.
  const mutating = cell.method !== 'GET' && cell.status < 300;
  let item = probe;
  if (cell.target !== 'none') item = mutating ? pools[cell.target].shift()! : (pools[cell.target][0] ?? probe);
  if (!item) throw new Error(`no seeded item left for ${cell.target}`);
  let url = cell.path.replace('{id}', item.id!).replace('{approvalItemId}', item.approvalItems?.[0]?.id ?? 'x');
  if (
    (cell.column === 'owner' || cell.column === 'admin') &&
    cell.target === 'none' &&
    url.startsWith('/v3/work-items')
  ) {
    url += `?ownerId=${ALICE.id}`;
  }
  let body: unknown;
  if (cell.target === 'form') body = validSelection(item);
  if (cell.operation === 'sendWorkItemForward') body = { targetOwnerId: CAROL.id, comment: 'authz matrix' };
  if (cell.method === 'PUT' || (cell.method === 'POST' && url === '/sandbox/faults')) body = { spec: '' };
  const token = who[cell.column as Column];
  return client(server.url, token ? tokens[token] : undefined)(cell.method, url, body);
}

describe('authorization matrix', () => {
  it.each(CELLS)('$operation · $column → $status', async (cell) => {
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
