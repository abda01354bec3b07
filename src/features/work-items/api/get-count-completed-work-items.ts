// getCountCompletedWorkItems: GET /v3/work-items/completed/count?ownerId — how many completed work items.
import { queryOptions } from '@tanstack/react-query';
import { getJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItemsCount } from '../../../../contract/work-items.ts';
import { workItemKeys, type OwnerScope } from './keys.ts';

export function getCountCompletedWorkItems({ ownerId }: OwnerScope, signal?: AbortSignal) {
  return getJson<WorkItemsCount>('work-items/completed/count', { ownerId: ownerId ?? undefined }, { signal });
}

export function completedWorkItemsCountQueryOptions({ ownerId }: OwnerScope = {}) {
  return queryOptions<WorkItemsCount, ApiError>({
    queryKey: workItemKeys.completedCount({ ownerId }),
    queryFn: ({ signal }) => getCountCompletedWorkItems({ ownerId }, signal),
  });
}
