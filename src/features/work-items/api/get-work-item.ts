// getWorkItem: GET /v3/work-items/{id} — one work item, in full.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { findCachedWorkItem } from './cache.ts';
import { workItemKeys } from './keys.ts';

export function getWorkItem(id: string, signal?: AbortSignal) {
  return getJson<WorkItem>(`work-items/${encodeURIComponent(id)}`, undefined, { signal });
}

export function workItemQueryOptions(id: string) {
  return queryOptions<WorkItem, ApiError>({
    queryKey: workItemKeys.detail(id),
    queryFn: ({ signal }) => getWorkItem(id, signal),
    enabled: !!id,
  });
}

/** One work item; opened from a list it shows the list's copy at once while the full item loads. */
export function useWorkItem(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...workItemQueryOptions(id),
    placeholderData: () => (id ? findCachedWorkItem(queryClient, id) : undefined),
  });
}
