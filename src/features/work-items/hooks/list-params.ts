import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useUpdateSearch } from '../../../lib/use-update-search.ts';
import {
  AGE_FILTERS,
  QUEUE_SORTS,
  type AgeFilter,
  type QueueFilter,
  type QueueSort,
} from '../../../lib/queue/query-index.ts';

// The list pages' state lives in the URL (filters and sort; the search text `q` is bound separately, see
// useUrlText; ownerId is kept as it is), so a link pasted into chat opens the same view and Back/Forward move
// between views.

export type ListVariant = 'pending' | 'completed';

export interface ListParams extends Omit<QueueFilter, 'q'> {
  sort: QueueSort;
}

export const SORT_CHOICES: Record<ListVariant, { value: QueueSort; label: string }[]> = {
  pending: [
    { value: 'newest', label: 'Newest first' },
    { value: 'oldest', label: 'Oldest first' },
    { value: 'pending', label: 'Most pending items' },
    { value: 'requester', label: 'Requester A–Z' },
  ],
  completed: [
    { value: 'completed-newest', label: 'Completed: newest first' },
    { value: 'completed-oldest', label: 'Completed: oldest first' },
    { value: 'newest', label: 'Created: newest first' },
    { value: 'oldest', label: 'Created: oldest first' },
    { value: 'requester', label: 'Requester A–Z' },
  ],
};

export const DEFAULT_SORT: Record<ListVariant, QueueSort> = { pending: 'newest', completed: 'completed-newest' };

/** URL parameter of each filter. */
const KEYS = {
  type: 'type',
  application: 'app',
  requester: 'requester',
  age: 'age',
  kind: 'kind',
  sort: 'sort',
} as const;

export function readListParams(params: URLSearchParams, variant: ListVariant): ListParams {
  const sort = params.get(KEYS.sort) as QueueSort | null;
  const age = params.get(KEYS.age) as AgeFilter | null;
  return {
    type: params.get(KEYS.type) ?? '',
    application: params.get(KEYS.application) ?? '',
    requester: params.get(KEYS.requester) ?? '',
    age: age && (AGE_FILTERS as readonly string[]).includes(age) ? age : '',
    kind: params.get(KEYS.kind) ?? '',
    sort:
      sort && QUEUE_SORTS.includes(sort) && SORT_CHOICES[variant].some((c) => c.value === sort)
        ? sort
        : DEFAULT_SORT[variant],
  };
}

export function useListParams(variant: ListVariant) {
  const [params] = useSearchParams();
  const updateSearch = useUpdateSearch();
  const value = useMemo(() => readListParams(params, variant), [params, variant]);
  const update = useCallback(
    (changes: Partial<ListParams> & { q?: string }) =>
      updateSearch((next) => {
        for (const [name, key] of Object.entries(KEYS) as [keyof ListParams, string][]) {
          const v = changes[name];
          if (v === undefined) continue;
          if (v === '' || (name === 'sort' && v === DEFAULT_SORT[variant])) next.delete(key);
          else next.set(key, v);
        }
        if (changes.q !== undefined) {
          if (changes.q) next.set('q', changes.q);
          else next.delete('q');
        }
        next.delete('page'); // the pager's old parameter: there are no pages any more
      }),
    [updateSearch, variant],
  );
  return [value, update] as const;
}
