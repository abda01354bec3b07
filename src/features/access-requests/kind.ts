// The access-request kind: ISC's access-request approvals (roles, access profiles, entitlements someone asked for)
// as the inbox knows them — its nouns, queues, counts, detail page, what may be done to one and how each action is
// sent (actions.ts), and how the cache follows (api/cache.ts).
import type { ComponentType } from 'react';
import { queryOptions } from '@tanstack/react-query';
import type { ApiError } from '../../lib/http.ts';
import type { DetailPageProps, InboxKind, KindCounts, RowPanelProps } from '../../lib/kinds/kind.ts';
import { paths, routePatterns } from '../../lib/paths.ts';
import { ACCESS_REQUEST_ACTIONS } from './actions.ts';
import { getAccessRequestSummary } from './api/get-access-request-summary.ts';
import { ACCESS_REQUEST_KIND, accessRequestKeys } from './api/keys.ts';
import { completedAccessRequestsQueueQueryOptions } from './api/list-completed-access-requests.ts';
import { pendingAccessRequestsQueueQueryOptions } from './api/list-pending-access-requests.ts';

function countsQueryOptions({ ownerId }: { ownerId?: string }) {
  return queryOptions<KindCounts, ApiError>({
    queryKey: [...accessRequestKeys.summary({ ownerId }), 'counts'],
    queryFn: async ({ signal }) => {
      const summary = await getAccessRequestSummary({ ownerId }, signal);
      return { pending: summary.pending ?? 0, completed: (summary.approved ?? 0) + (summary.rejected ?? 0) };
    },
  });
}

export const accessRequestKind: InboxKind = {
  name: ACCESS_REQUEST_KIND,
  nouns: { one: 'access request', many: 'access requests' },
  filterLabel: 'Access requests',
  queue: { pending: pendingAccessRequestsQueueQueryOptions, completed: completedAccessRequestsQueueQueryOptions },
  counts: countsQueryOptions,
  route: routePatterns.accessRequest,
  path: (id, { ownerId }) => paths.accessRequest(id, { ownerId }),
  loadDetailPage: async (): Promise<ComponentType<DetailPageProps>> =>
    (await import('./routes/AccessRequestPage.tsx')).AccessRequestPage,
  loadRowPanel: async (): Promise<ComponentType<RowPanelProps>> =>
    (await import('./components/AccessRequestRowPanel.tsx')).AccessRequestRowPanel,
  actions: ACCESS_REQUEST_ACTIONS,
  workType: () => 'ACCESS_REQUESTS',
  loadRuntime: async () => (await import('./runtime.ts')).accessRequestRuntime,
};
