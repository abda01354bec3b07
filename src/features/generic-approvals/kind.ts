// The Approvals-service kind: ISC's generic approvals (net-new access requests, account deletions, entitlement
// descriptions, machine accounts, agents and whatever type comes next) as the inbox knows them — nouns, queues,
// counts, due dates that expire, priorities, the detail page, what may be done to one (actions.ts) and how it is
// sent (runtime.ts). An access request this service decides is the one listed when the legacy access-request API
// lists it too (QueueRow.sameAs): the inbox acts on it here.
import type { ComponentType } from 'react';
import type { DetailPageProps, InboxKind, RowPanelProps } from '../../lib/kinds/kind.ts';
import { ownerSearch } from '../../lib/paths.ts';
import { GENERIC_APPROVAL_ACTIONS } from './actions.ts';
import {
  completedGenericApprovalsQueueQueryOptions,
  genericApprovalCountsQueryOptions,
  pendingGenericApprovalsQueueQueryOptions,
} from './api/list-generic-approvals.ts';
import { GENERIC_APPROVAL_KIND } from './api/keys.ts';

export const genericApprovalKind: InboxKind = {
  name: GENERIC_APPROVAL_KIND,
  nouns: { one: 'approval', many: 'approvals' },
  filterLabel: 'Approvals',
  queue: {
    pending: pendingGenericApprovalsQueueQueryOptions,
    completed: completedGenericApprovalsQueueQueryOptions,
  },
  counts: genericApprovalCountsQueryOptions,
  dueDates: true,
  priorities: true,
  facets: [{ name: 'priority', param: 'priority', label: 'Priority', all: 'Any priority' }],
  // where ISC now decides access requests: its row wins over the legacy API's for the same request
  sameAsPrecedence: 1,
  // which delegation moves it (Away): ISC's own split between access requests and every other approval
  workType: (row) => (row.type === 'ACCESS_REQUEST_APPROVAL' ? 'ACCESS_REQUESTS' : 'GENERIC_APPROVALS'),
  route: '/approvals/:id',
  path: (id, { ownerId }) => `/approvals/${encodeURIComponent(id)}${ownerSearch(ownerId)}`,
  loadDetailPage: async (): Promise<ComponentType<DetailPageProps>> =>
    (await import('./routes/GenericApprovalPage.tsx')).GenericApprovalPage,
  loadRowPanel: async (): Promise<ComponentType<RowPanelProps>> =>
    (await import('./components/GenericApprovalRowPanel.tsx')).GenericApprovalRowPanel,
  actions: GENERIC_APPROVAL_ACTIONS,
  loadRuntime: async () => (await import('./runtime.ts')).genericApprovalRuntime,
};
