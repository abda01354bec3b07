// A decision shows at once: the rows it takes away leave the cached queues on screen, and come back in the same
// place when it is undone or refused. Kind-neutral: each kind passes the filter that finds its pending queues.
import type { QueryClient, QueryFilters } from '@tanstack/react-query';
import type { QueueRow } from './row.ts';
import type { QueueData } from './stream.ts';

/** Rows taken out of cached queues: where each was, to put it back. */
export interface TakenRows {
  entries: { queryHash: string; row: QueueRow; index: number }[];
}

function change(queryClient: QueryClient, filters: QueryFilters, edit: (data: QueueData, hash: string) => QueueData) {
  for (const query of queryClient.getQueryCache().findAll(filters)) {
    const data = query.state.data as QueueData | undefined;
    if (!data?.rows) continue;
    const next = edit(data, query.queryHash);
    if (next !== data) queryClient.setQueryData(query.queryKey, next);
  }
}

/** Takes the rows of these ids out of every queue `filters` finds (counts follow); returns what to put back. */
export function takeRows(queryClient: QueryClient, filters: QueryFilters, ids: Iterable<string>): TakenRows {
  const gone = new Set(ids);
  const entries: TakenRows['entries'] = [];
  if (gone.size === 0) return { entries };
  change(queryClient, filters, (data, queryHash) => {
    const rows: QueueRow[] = [];
    data.rows.forEach((row, index) => {
      if (gone.has(row.id)) entries.push({ queryHash, row, index });
      else rows.push(row);
    });
    const removed = data.rows.length - rows.length;
    if (!removed) return data;
    return { ...data, rows, total: Math.max(0, data.total - removed), target: Math.max(0, data.target - removed) };
  });
  return { entries };
}

/** Puts taken rows back where they were (unless a refetch brought them back meanwhile). */
export function putBack(queryClient: QueryClient, filters: QueryFilters, taken: TakenRows): void {
  if (taken.entries.length === 0) return;
  change(queryClient, filters, (data, queryHash) => {
    const mine = taken.entries.filter((e) => e.queryHash === queryHash && !data.rows.some((r) => r.id === e.row.id));
    if (!mine.length) return data;
    const rows = data.rows.slice();
    for (const e of mine.sort((a, b) => a.index - b.index)) rows.splice(Math.min(e.index, rows.length), 0, e.row);
    return { ...data, rows, total: data.total + mine.length, target: data.target + mine.length };
  });
}

/** Replaces the row of `id` in every queue `filters` finds by `edit(row)`. */
export function editRow(
  queryClient: QueryClient,
  filters: QueryFilters,
  id: string,
  edit: (row: QueueRow) => QueueRow,
): void {
  change(queryClient, filters, (data) => {
    const index = data.rows.findIndex((r) => r.id === id);
    if (index < 0) return data;
    const rows = data.rows.slice();
    rows[index] = edit(rows[index]);
    return { ...data, rows };
  });
}
