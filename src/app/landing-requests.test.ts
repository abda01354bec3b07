// The inbox's embedded first pages against the real server: the rows the page seeds from the HTML are the rows each
// kind's own first list request gives, for every kind and every approver — the Approvals service's approvals
// included, which the server embeds cut to what the list reads — and the cut keeps a row the same on the odd
// shapes a real tenant sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedApproval } from '../../contract/bootstrap.ts';
import type { Approval } from '../../contract/generic-approvals.ts';
import { GENERIC_APPROVAL_KIND } from '../features/generic-approvals/api/keys.ts';
import { approvalRow } from '../features/generic-approvals/api/queue-row.ts';
import type { QueueData } from '../lib/queue/stream.ts';
import { standInDist, type StandInDist } from '../../server/test/stand-in-dist.ts';
import { newQueryClient, startApiServer, type ApiTestServer } from '../test/api-server.tsx';
import { KINDS } from './kinds.ts';
import { readBootstrap, seedFromBootstrap } from './landing-requests.ts';

const FIRST_PAGE = 250;

let api: ApiTestServer;
let dist: StandInDist;

beforeAll(async () => {
  // the server embeds the data into its index.html
  dist = standInDist('<!doctype html><html><body><div id="root"></div></body></html>');
  api = await startApiServer({ DIST_DIR: dist.dir });
});
afterAll(async () => {
  await api?.close();
  dist?.remove();
});

describe('the first pages embedded in the inbox page', () => {
  it.each(['alice.approver', 'bob.approver', 'ada.admin'])(
    "seed %s's queue with the rows each kind's own first request gives",
    async (alias) => {
      await api.signInAs(alias);
      const html = await (await api.fetch(`${api.url}/inbox`)).text();
      const bootstrap = readBootstrap(new DOMParser().parseFromString(html, 'text/html'));
      expect(bootstrap, 'the page embeds its first data').toBeDefined();

      const seeded = newQueryClient();
      const keys = seedFromBootstrap(seeded, bootstrap!, FIRST_PAGE);
      expect(keys).toHaveLength(KINDS.length);
      const fetched = newQueryClient();
      let approvals = 0;
      for (const kind of KINDS) {
        const queue = kind.queue.pending({ ownerId: undefined, bound: FIRST_PAGE });
        const own = await fetched.fetchQuery(queue);
        const embedded = seeded.getQueryData<QueueData>(queue.queryKey);
        expect(embedded, `${kind.name}: seeded`).toBeDefined();
        expect(embedded!.rows, `${kind.name}: the same rows`).toEqual(own.rows);
        expect(embedded!.total).toBe(own.total);
        if (kind.name === GENERIC_APPROVAL_KIND) approvals = own.rows.length;
      }
      expect(approvals, 'the Approvals service lists some for everyone here').toBeGreaterThan(0);
    },
  );
});

describe('an approval cut for the embed', () => {
  const full: Approval = {
    id: 'approval-1',
    tenantId: 'tenant',
    type: 'ACCESS_REQUEST_APPROVAL',
    status: 'PENDING',
    approvers: [{ type: 'IDENTITY', identityID: 'alice', name: 'Alice', email: 'alice@example.com' }],
    createdDate: '2026-11-01T10:00:00Z',
    modifiedDate: '2026-11-02T10:00:00Z',
    dueDate: '2026-12-20T10:00:00Z',
    escalationStep: '0',
    serialStep: 0,
    isEscalated: false,
    name: [
      { value: 'Zugriff für Carol', locale: 'de_DE' },
      { value: 'Access for Carol </script><img src=x onerror=alert(1)>', locale: 'en_US' },
    ],
    description: [{ value: 'Needs it for the quarter end.', locale: 'en_US' }],
    priority: 'HIGH',
    requester: { type: 'IDENTITY', identityID: 'bob', name: 'Bob', email: 'bob@example.com' },
    requestee: { type: 'IDENTITY', identityID: 'carol', name: 'Carol' },
    comments: [{ author: { identityID: 'bob', name: 'Bob' }, comment: 'Please.', createdDate: '2026-11-01T10:00:00Z' }],
    approvedBy: [],
    rejectedBy: [],
    assignedTo: [{ type: 'IDENTITY', identityID: 'alice', name: 'Alice' }],
    approvalCriteria: { type: 'PARALLEL', approval: { calculationType: 'COUNT', value: 1 } },
    additionalAttributes: '{"cost":"12"}',
    referenceData: [
      { id: 'request-1', type: 'accessRequestId', name: 'Access Request' },
      { id: 'other', type: 'somethingElse' },
    ],
    reassignmentHistory: [
      { reassignedFrom: { identityID: 'dan', name: 'Dan' }, reassignedTo: { identityID: 'eve', name: 'Eve' } },
      { reassignedFrom: { identityID: 'eve', name: 'Eve' }, reassignmentType: 'MANUAL_REASSIGNMENT' },
    ],
    approvalConfig: {
      requiresComment: 'REJECTION',
      timeoutConfig: { enabled: true, daysUntilTimeout: 30, timeoutResult: 'EXPIRED' },
      reminderConfig: { enabled: true, daysUntilFirstReminder: 2 },
    },
    requestedTarget: [
      { id: 'role-1', name: 'Finance Analyst', targetType: 'ROLE', requestType: 'GRANT_ACCESS' },
      { id: 'role-2', name: 'Payroll', targetType: 'ROLE' },
    ],
  };

  it.each<[string, Approval]>([
    ['every field the spec has', full],
    ['no status, a rejection recorded', { ...full, status: undefined, rejectedBy: [{ identityID: 'x', name: 'X' }] }],
    [
      'no status, completed and approved',
      { ...full, status: null, completedDate: '2026-11-03T10:00:00Z', approvedBy: [{ identityID: 'y' }] },
    ],
    [
      'timeout off, comment always required',
      { ...full, approvalConfig: { requiresComment: 'ALL', timeoutConfig: { enabled: false } } },
    ],
    [
      'no config, no targets, no references',
      { ...full, approvalConfig: null, requestedTarget: null, referenceData: null },
    ],
    [
      'null entries where a tenant leaves them',
      {
        ...full,
        requester: null,
        requestee: null,
        requestedTarget: [null!, { name: 'Only a name' }],
        reassignmentHistory: [full.reassignmentHistory![0]!, null!],
      },
    ],
    ['only an id', { id: 'bare' }],
    [
      'completed, with its last comment',
      {
        ...full,
        status: 'APPROVED',
        completedDate: '2026-11-03T10:00:00Z',
        approvedBy: [{ identityID: 'alice', name: 'Alice' }],
      },
    ],
  ])('lists the same row: %s', (_, approval) => {
    expect(approvalRow(embeddedApproval(approval))).toEqual(approvalRow(approval));
  });

  it('is smaller than the approval it cuts', () => {
    expect(JSON.stringify(embeddedApproval(full)).length).toBeLessThan(JSON.stringify(full).length * 0.75);
  });
});
