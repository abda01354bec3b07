// The app's QueryClient: what "fresh" means and when to ask again.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/http.ts';

/** Moving between inbox, detail and completed does not refetch what was fetched this long ago. */
export const STALE_TIME_MS = 30_000;

/**
 * The http client already retried what is safe to retry (GETs on network errors/408/5xx, every 429), so React
 * Query retries only once more and never an HTTP 4xx: a 403 or 404 will not change by asking again.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
        retry: shouldRetryQuery,
      },
      mutations: {
        // a decision is never sent twice by the cache layer
        retry: false,
      },
    },
  });
}
