// getWorkItem: GET /v3/work-items/{id} — one work item, in full.
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { getJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { Collection } from '../../../lib/http.ts';
import { isPageKey, workItemKeys } from './keys.ts';

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

/** A work item from its detail cache, or from any cached list page (pending or completed, any owner). */
export function findCachedWorkItem(queryClient: QueryClient, id: string): WorkItem | undefined {
  const detail = queryClient.getQueryData(workItemQueryOptions(id).queryKey);
  if (detail) return detail;
  const pages = queryClient.getQueriesData<Collection<WorkItem>>({ predicate: (query) => isPageKey(query.queryKey) });
  for (const [, page] of pages) {
    const found = Array.isArray(page?.items) ? page.items.find((item) => item?.id === id) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** One work item; opened from a list it shows the list's copy at once while the full item loads. */
export function useWorkItem(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...workItemQueryOptions(id),
    placeholderData: () => (id ? findCachedWorkItem(queryClient, id) : undefined),
  });
}
