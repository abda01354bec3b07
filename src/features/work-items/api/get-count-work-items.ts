// getCountWorkItems: GET /v3/work-items/count?ownerId — how many pending work items.
import { queryOptions } from '@tanstack/react-query';
import { getJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItemsCount } from '../../../../contract/work-items.ts';
import { workItemKeys, type OwnerScope } from './keys.ts';

export function getCountWorkItems({ ownerId }: OwnerScope, signal?: AbortSignal) {
  return getJson<WorkItemsCount>('work-items/count', { ownerId: ownerId ?? undefined }, { signal });
}

export function workItemsCountQueryOptions({ ownerId }: OwnerScope = {}) {
  return queryOptions<WorkItemsCount, ApiError>({
    queryKey: workItemKeys.count({ ownerId }),
    queryFn: ({ signal }) => getCountWorkItems({ ownerId }, signal),
  });
}
