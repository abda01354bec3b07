// Search, filters, sorts and counts over a queue's rows, all in the browser (ISC's v3 list has no filters or
// sorters). Sorting happens once per (rows, sort) and filtering keeps that order, so a keystroke costs one pass of
// `includes` over precomputed, lower-cased search texts.
import type { QueueRow } from './row.ts';

export const DAY_MS = 86_400_000;

export const QUEUE_SORTS = [
  'newest',
  'oldest',
  'pending',
  'requester',
  'completed-newest',
  'completed-oldest',
  'server',
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** Older than this many days; '' = any age. */
export const AGE_FILTERS = ['', '7', '30'] as const;
export type AgeFilter = (typeof AGE_FILTERS)[number];

export interface QueueFilter {
  q: string;
  type: string;
  application: string;
  requester: string;
  age: AgeFilter;
  /** One kind of row only (QueueRow.kind, e.g. 'access-request'); '' or absent = every kind. */
  kind?: string;
}

export const NO_FILTER: QueueFilter = { q: '', type: '', application: '', requester: '', age: '' };

export function isFiltered(f: QueueFilter): boolean {
  return !!(f.q.trim() || f.type || f.application || f.requester || f.age || f.kind);
}

/** Whole days since `created` (0 for an unknown date). */
export function ageDays(created: number, now: number): number {
  return created ? Math.max(0, Math.floor((now - created) / DAY_MS)) : 0;
}

/** 'month' past 30 days, 'week' past 7, else 'fresh'; 'unknown' without a date. */
export function ageBand(created: number, now: number): 'fresh' | 'week' | 'month' | 'unknown' {
  if (!created) return 'unknown';
  const age = now - created;
  return age > 30 * DAY_MS ? 'month' : age > 7 * DAY_MS ? 'week' : 'fresh';
}

function byText(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base' });
}

const comparators: Record<Exclude<QueueSort, 'server'>, (a: QueueRow, b: QueueRow) => number> = {
  newest: (a, b) => b.created - a.created,
  oldest: (a, b) => a.created - b.created,
  pending: (a, b) => b.pendingCount - a.pendingCount || a.created - b.created,
  // no requester last, then oldest first within one requester
  requester: (a, b) =>
    (a.requester ? 0 : 1) - (b.requester ? 0 : 1) || byText(a.requester, b.requester) || a.created - b.created,
  'completed-newest': (a, b) => b.completed - a.completed,
  'completed-oldest': (a, b) => a.completed - b.completed,
};

/** A sorted copy ('server' keeps the order the API returned). Ties keep the server's order (a stable sort). */
export function sortRows(rows: readonly QueueRow[], sort: QueueSort): QueueRow[] {
  const copy = rows.slice();
  return sort === 'server' ? copy : copy.sort(comparators[sort]);
}

/** The rows that match every part of the filter, in the order given. Search terms are ANDed. */
export function filterRows(rows: readonly QueueRow[], f: QueueFilter, now: number): QueueRow[] {
  if (!isFiltered(f)) return rows as QueueRow[];
  const terms = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const minAge = f.age ? Number(f.age) * DAY_MS : 0;
  return rows.filter(
    (r) =>
      (!f.kind || r.kind === f.kind) &&
      (!f.type || r.type === f.type) &&
      (!f.requester || r.requester === f.requester) &&
      (!f.application || r.applications.includes(f.application)) &&
      (!minAge || (r.created > 0 && now - r.created > minAge)) &&
      terms.every((t) => r.search.includes(t)),
  );
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  types: Facet[];
  applications: Facet[];
  requesters: Facet[];
  /** How many rows of each kind (the kind filter's counts). */
  kinds: Facet[];
}

function toFacets(counts: Map<string, { label: string; count: number }>): Facet[] {
  return [...counts]
    .map(([value, { label, count }]) => ({ value, label, count }))
    .sort((a, b) => byText(a.label, b.label));
}

/** The filters' choices with how many rows of the whole queue have each. */
export function facetsOf(rows: readonly QueueRow[]): Facets {
  const types = new Map<string, { label: string; count: number }>();
  const apps = new Map<string, { label: string; count: number }>();
  const requesters = new Map<string, { label: string; count: number }>();
  const kinds = new Map<string, { label: string; count: number }>();
  const bump = (map: typeof types, value: string, label = value) => {
    const entry = map.get(value);
    if (entry) entry.count++;
    else map.set(value, { label, count: 1 });
  };
  for (const r of rows) {
    if (r.type) bump(types, r.type, r.typeLabel);
    if (r.requester) bump(requesters, r.requester);
    bump(kinds, r.kind);
    for (const a of r.applications) bump(apps, a);
  }
  return {
    types: toFacets(types),
    applications: toFacets(apps),
    requesters: toFacets(requesters),
    kinds: toFacets(kinds),
  };
}

/** The row created longest ago (with a known date). */
export function oldestRow(rows: readonly QueueRow[]): QueueRow | undefined {
  let oldest: QueueRow | undefined;
  for (const r of rows) if (r.created && (!oldest || r.created < oldest.created)) oldest = r;
  return oldest;
}
