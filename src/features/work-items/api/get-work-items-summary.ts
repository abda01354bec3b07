// getWorkItemsSummary: GET /v3/work-items/summary?ownerId — open, completed and total counts.
import { queryOptions } from '@tanstack/react-query';
import { getJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItemsSummary } from '../../../../contract/work-items.ts';
import { workItemKeys, type OwnerScope } from './keys.ts';

export function getWorkItemsSummary({ ownerId }: OwnerScope, signal?: AbortSignal) {
  return getJson<WorkItemsSummary>('work-items/summary', { ownerId: ownerId ?? undefined }, { signal });
}

export function workItemsSummaryQueryOptions({ ownerId }: OwnerScope = {}) {
  return queryOptions<WorkItemsSummary, ApiError>({
    queryKey: workItemKeys.summary({ ownerId }),
    queryFn: ({ signal }) => getWorkItemsSummary({ ownerId }, signal),
  });
}
