// An access request a tenant lists both among the legacy access-request approvals and in the Approvals service
// (during ISC's transition) is one thing to decide: the inbox lists it once, as the Approvals service has it, and
// acts on it there. The two rows are built by the two kinds' own adapters from API payloads.
import { describe, expect, it } from 'vitest';
import type { PendingApproval } from '../../contract/access-requests.ts';
import type { Approval } from '../../contract/generic-approvals.ts';
import { approvalRow as legacyRow } from '../features/access-requests/api/queue-row.ts';
import { approvalRow as serviceRow } from '../features/generic-approvals/api/queue-row.ts';
import { runtimeOf } from '../lib/kinds/runtime.ts';
import { mergeQueues } from '../lib/queue/merge.ts';
import type { QueueRow } from '../lib/queue/row.ts';
import type { QueueData } from '../lib/queue/stream.ts';
import { KINDS } from './kinds.ts';

const ACCESS_REQUEST_ID = '2c9180835d2e5168015d32f890ca1581';

const legacy: PendingApproval = {
  id: 'legacy-approval-1',
  accessRequestId: ACCESS_REQUEST_ID,
  name: 'Finance Analyst',
  created: '2025-06-01T10:00:00Z',
  requester: { type: 'IDENTITY', id: 'bob', name: 'Bob Approver' },
  requestedFor: { type: 'IDENTITY', id: 'carol', name: 'Carol Approver' },
  owner: { type: 'IDENTITY', id: 'alice', name: 'Alice Approver' },
  requestedObject: { id: 'role-1', name: 'Finance Analyst', type: 'ROLE' },
} as PendingApproval;

const service: Approval = {
  id: 'service-approval-1',
  type: 'ACCESS_REQUEST_APPROVAL',
  status: 'PENDING',
  createdDate: '2025-06-01T10:00:01Z',
  dueDate: '2025-08-30T10:00:01Z',
  priority: 'MEDIUM',
  name: [{ value: 'Finance Analyst for Carol Approver', locale: 'en_US' }],
  requester: { type: 'IDENTITY', identityID: 'bob', name: 'Bob Approver' },
  requestee: { type: 'IDENTITY', identityID: 'carol', name: 'Carol Approver' },
  referenceData: [{ id: ACCESS_REQUEST_ID, type: 'accessRequestId', name: 'Access Request' }],
  requestedTarget: [{ id: 'role-1', name: 'Finance Analyst', targetType: 'ROLE', requestType: 'GRANT_ACCESS' }],
};

// the same access request's other item: an approval of its own
const other: Approval = {
  ...service,
  id: 'service-approval-2',
  requestedTarget: [{ id: 'role-2', name: 'Payroll Administrator', targetType: 'ROLE' }],
};

function queue(rows: QueueRow[]): QueueData {
  return { rows, total: rows.length, target: rows.length, received: rows.length, complete: true };
}

const kindOf = (row: QueueRow) => KINDS.find((k) => k.name === row.kind)!;

describe('one access request in both APIs', () => {
  it('is listed once, as the Approvals service has it, and decided through that service', async () => {
    const rows = { legacy: legacyRow(legacy, false), service: serviceRow(service), other: serviceRow(other) };
    const parts = KINDS.map((k) => ({
      data: queue(Object.values(rows).filter((r) => r.kind === k.name)),
      failed: false,
      precedence: k.sameAsPrecedence,
    }));
    const merged = mergeQueues(parts)!;
    expect(merged.rows.map((r) => r.id).sort()).toEqual(['service-approval-1', 'service-approval-2']);
    // counted once too
    expect(merged.total).toBe(2);

    // whichever order the kinds come in, the service's row is the one kept
    const reversed = mergeQueues([...parts].reverse())!;
    expect(reversed.rows.map((r) => r.id).sort()).toEqual(['service-approval-1', 'service-approval-2']);

    // approving it sends the Approvals service's request, not the legacy one
    const kept = merged.rows.find((r) => r.id === 'service-approval-1')!;
    const kind = kindOf(kept);
    const { requests } = await runtimeOf(kind);
    const [request] = requests('approve', { id: kept.id, name: kept.name }, { comment: 'ok' });
    expect(request.path).toBe('/v2025/generic-approvals/service-approval-1/approve');
    expect(request.json).toEqual({ comment: 'ok' });
  });

  it('two different access requests both stay', () => {
    const another = { ...legacy, id: 'legacy-approval-2', accessRequestId: 'another-request' } as PendingApproval;
    const parts = KINDS.map((k) => ({
      data: queue([legacyRow(another, false), serviceRow(service)].filter((r) => r.kind === k.name)),
      failed: false,
      precedence: k.sameAsPrecedence,
    }));
    expect(mergeQueues(parts)!.rows).toHaveLength(2);
  });
});
