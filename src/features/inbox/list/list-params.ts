import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { InboxKind } from '../../../lib/kinds/kind.ts';
import { useUpdateSearch } from '../../../lib/use-update-search.ts';
import {
  AGE_FILTERS,
  DUE_FILTERS,
  QUEUE_SORTS,
  type AgeFilter,
  type DueFilter,
  type QueueFilter,
  type QueueSort,
} from '../../../lib/queue/query-index.ts';

// The list pages' state lives in the URL (filters and sort, the kinds' own filters too; the search text `q` is
// bound separately, see useUrlText; ownerId is kept as it is), so a link pasted into chat opens the same view and
// Back/Forward move between views.

export type ListVariant = 'pending' | 'completed';

export interface ListParams extends Omit<QueueFilter, 'q' | 'facets'> {
  sort: QueueSort;
  /** The kinds' own filters (KindFacet.name → value). */
  facets: Readonly<Record<string, string>>;
}

const SORTS: Record<ListVariant, { value: QueueSort; label: string }[]> = {
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

/** The sorts a list offers: due dates and priorities too when a registered kind has them. */
export function sortChoices(variant: ListVariant, kinds: readonly InboxKind[]): { value: QueueSort; label: string }[] {
  const pending = variant === 'pending';
  return [
    ...SORTS[variant],
    ...(pending && kinds.some((k) => k.dueDates) ? [{ value: 'due' as const, label: 'Due soonest first' }] : []),
    ...(pending && kinds.some((k) => k.priorities)
      ? [{ value: 'priority' as const, label: 'Highest priority first' }]
      : []),
  ];
}

export const DEFAULT_SORT: Record<ListVariant, QueueSort> = { pending: 'newest', completed: 'completed-newest' };

/** URL parameter of each filter. */
const KEYS = {
  type: 'type',
  application: 'app',
  requester: 'requester',
  age: 'age',
  due: 'due',
  kind: 'kind',
  sort: 'sort',
} as const;

export function readListParams(
  params: URLSearchParams,
  variant: ListVariant,
  kinds: readonly InboxKind[] = [],
): ListParams {
  const sort = params.get(KEYS.sort) as QueueSort | null;
  const age = params.get(KEYS.age) as AgeFilter | null;
  const due = params.get(KEYS.due) as DueFilter | null;
  const facets: Record<string, string> = {};
  for (const k of kinds) for (const f of k.facets ?? []) facets[f.name] = params.get(f.param) ?? '';
  return {
    type: params.get(KEYS.type) ?? '',
    application: params.get(KEYS.application) ?? '',
    requester: params.get(KEYS.requester) ?? '',
    age: age && (AGE_FILTERS as readonly string[]).includes(age) ? age : '',
    due: due && (DUE_FILTERS as readonly string[]).includes(due) ? due : '',
    kind: params.get(KEYS.kind) ?? '',
    facets,
    sort:
      sort && QUEUE_SORTS.includes(sort) && sortChoices(variant, kinds).some((c) => c.value === sort)
        ? sort
        : DEFAULT_SORT[variant],
  };
}

/** The URL parameters of a list's filters (a list's CSV file name and "Next item" read them back). */
export function useListParams(variant: ListVariant, kinds: readonly InboxKind[]) {
  const [params] = useSearchParams();
  const updateSearch = useUpdateSearch();
  const value = useMemo(() => readListParams(params, variant, kinds), [params, variant, kinds]);
  const update = useCallback(
    (changes: Partial<Omit<ListParams, 'facets'>> & { q?: string; facets?: Record<string, string> }) =>
      updateSearch((next) => {
        for (const [name, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
          const v = changes[name];
          if (v === undefined) continue;
          if (v === '' || (name === 'sort' && v === DEFAULT_SORT[variant])) next.delete(key);
          else next.set(key, v);
        }
        for (const [name, v] of Object.entries(changes.facets ?? {})) {
          const param = kinds.flatMap((k) => k.facets ?? []).find((f) => f.name === name)?.param;
          if (!param) continue;
          if (v) next.set(param, v);
          else next.delete(param);
        }
        if (changes.q !== undefined) {
          if (changes.q) next.set('q', changes.q);
          else next.delete('q');
        }
        next.delete('page'); // the pager's old parameter: there are no pages any more
      }),
    [updateSearch, variant, kinds],
  );
  return [value, update] as const;
}
