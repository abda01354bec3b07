import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useUpdateSearch } from '../../../lib/use-update-search.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';

// The list pages' state lives in the URL (page, page size, quick filter, type, sort; ownerId is kept as it is),
// so a link pasted into chat opens the same view.

export const PAGE_SIZES = [25, 50, 100, 250] as const;
export const DEFAULT_PAGE_SIZE = 25;
export type SortOrder = 'newest' | 'oldest';

export interface TableParams {
  /** 0-based page (the URL shows it 1-based). */
  page: number;
  pageSize: number;
  q: string;
  type: string;
  sort: SortOrder;
}

export function readTableParams(params: URLSearchParams): TableParams {
  const page = Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1);
  const size = Number.parseInt(params.get('size') ?? '', 10);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
  return {
    page,
    pageSize,
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    sort: params.get('sort') === 'oldest' ? 'oldest' : 'newest',
  };
}

export function useTableParams() {
  const [params] = useSearchParams();
  const updateSearch = useUpdateSearch();
  const value = useMemo(() => readTableParams(params), [params]);
  const update = useCallback(
    (changes: Partial<TableParams>, options?: { replace?: boolean }) =>
      updateSearch((next) => {
        const set = (key: string, v: string, fallback: string) =>
          v === fallback ? next.delete(key) : next.set(key, v);
        if (changes.page !== undefined) set('page', String(changes.page + 1), '1');
        if (changes.pageSize !== undefined) set('size', String(changes.pageSize), String(DEFAULT_PAGE_SIZE));
        if (changes.q !== undefined) set('q', changes.q, '');
        if (changes.type !== undefined) set('type', changes.type, '');
        if (changes.sort !== undefined) set('sort', changes.sort, 'newest');
      }, options),
    [updateSearch],
  );
  return [value, update] as const;
}

function matches(item: WorkItem, needle: string): boolean {
  return [item.name, item.description, item.requesterDisplayName, item.id].some(
    (field) => typeof field === 'string' && field.toLowerCase().includes(needle),
  );
}

function createdAt(item: WorkItem): number {
  const t = item.created ? Date.parse(item.created) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** Quick filter (name, description, requester, id), type filter and sort by created, over the loaded page. */
export function filterAndSort(items: readonly WorkItem[], { q, type, sort }: Pick<TableParams, 'q' | 'type' | 'sort'>) {
  const needle = q.trim().toLowerCase();
  const filtered = items.filter(
    (item) => item && (!needle || matches(item, needle)) && (!type || (item.type ?? '') === type),
  );
  const direction = sort === 'oldest' ? 1 : -1;
  return filtered.sort((a, b) => direction * (createdAt(a) - createdAt(b)));
}

/** The types present on a page, sorted: the type filter's choices. */
export function typesOf(items: readonly WorkItem[]): string[] {
  return [...new Set(items.map((i) => i.type).filter((t): t is NonNullable<typeof t> => !!t))].sort();
}
