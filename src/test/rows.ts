// A queue row for unit tests: every field a plain default, the search text built from the listed fields.
import type { QueueRow } from '../lib/queue/row.ts';

export function testRow(id: string, fields: Partial<QueueRow> = {}): QueueRow {
  const base: QueueRow = {
    kind: 'test',
    id,
    name: `Item ${id}`,
    description: '',
    requester: '',
    requestedFor: '',
    type: 'Approval',
    typeLabel: 'Approval',
    created: 1,
    completed: 0,
    due: 0,
    state: 'Pending',
    pendingCount: 1,
    itemCount: 1,
    applications: [],
    ownerId: 'o',
    ownerName: 'Owner',
    can: { approve: true, reject: true },
    search: '',
    ownEnd: 0,
  };
  const row = { ...base, ...fields };
  const search = fields.search ?? [row.name, row.requester, row.id, ...row.applications].join(' ').toLowerCase();
  return { ...row, search, ownEnd: fields.ownEnd ?? search.length };
}
