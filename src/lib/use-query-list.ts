// Several queries, one per registered kind, read together: React Query's own observer per query, without
// `useQueries` (its QueriesObserver would add ~4 KB gzip to the inbox's first load for what a loop of observers
// does here). The list's length is the registry's: fixed for the life of the page.
import { useEffect, useMemo, useReducer } from 'react';
import {
  notifyManager,
  QueryObserver,
  useQueryClient,
  type QueryKey,
  type QueryObserverResult,
  type UseQueryOptions,
} from '@tanstack/react-query';

export function useQueryList<T, E = Error>(
  list: readonly UseQueryOptions<T, E, T, QueryKey>[],
): QueryObserverResult<T, E>[] {
  const client = useQueryClient();
  const defaulted = list.map((options) => client.defaultQueryOptions(options));
  const hashes = defaulted.map((o) => `${o.queryHash}|${o.enabled !== false}`).join('\n');
  // one observer per query, made again only when which queries are read changes (the hashes stand for the options)
  const observers = useMemo(
    () => defaulted.map((o) => new QueryObserver<T, E, T, T, QueryKey>(client, o)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, hashes],
  );
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const stops = observers.map((o) => o.subscribe(notifyManager.batchCalls(changed)));
    return () => stops.forEach((stop) => stop());
  }, [observers]);
  useEffect(() => {
    observers.forEach((o, i) => o.setOptions(defaulted[i]));
  });
  return observers.map((o, i) => o.getOptimisticResult(defaulted[i]));
}
