// Search, filters, sorts and counts over a queue's rows, all in the browser (ISC's v3 list has no filters or
// sorters). Sorting happens once per (rows, sort) and filtering keeps that order, so a keystroke costs one pass of
// `indexOf` over precomputed, lower-cased search texts. A row whose sub-items (a work item's pending approval items)
// matched only in part says which: a bulk decision on it decides those, not the whole item.
import type { QueueRow } from './row.ts';

export const DAY_MS = 86_400_000;

export const QUEUE_SORTS = [
  'newest',
  'oldest',
  'pending',
  'requester',
  'completed-newest',
  'completed-oldest',
  'due',
  'priority',
  'server',
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** Older than this many days; '' = any age. */
export const AGE_FILTERS = ['', '7', '30'] as const;
export type AgeFilter = (typeof AGE_FILTERS)[number];

/** Due (or expiring) within this many days, overdue included; '' = any. '1' is "expires soon". */
export const DUE_FILTERS = ['', '1', '7'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export interface QueueFilter {
  q: string;
  type: string;
  application: string;
  requester: string;
  age: AgeFilter;
  /** Only rows due within so many days (rows without a due date are left out); '' or absent = any. */
  due?: DueFilter;
  /** One kind of row only (QueueRow.kind); '' or absent = every kind. */
  kind?: string;
  /** The kinds' own filters (KindFacet.name → value; '' = any). */
  facets?: Readonly<Record<string, string>>;
}

export const NO_FILTER: QueueFilter = { q: '', type: '', application: '', requester: '', age: '' };

export function isFiltered(f: QueueFilter): boolean {
  return !!(
    f.q.trim() ||
    f.type ||
    f.application ||
    f.requester ||
    f.age ||
    f.due ||
    f.kind ||
    Object.values(f.facets ?? {}).some(Boolean)
  );
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

// One collator for every comparison: localeCompare with options builds a new one per call, which sorting the
// filters' choices (thousands of comparisons, again after every decision) paid for each time.
const byText = new Intl.Collator(undefined, { sensitivity: 'base' }).compare;

const comparators: Record<Exclude<QueueSort, 'server'>, (a: QueueRow, b: QueueRow) => number> = {
  newest: (a, b) => b.created - a.created,
  oldest: (a, b) => a.created - b.created,
  pending: (a, b) => b.pendingCount - a.pendingCount || a.created - b.created,
  // no requester last, then oldest first within one requester
  requester: (a, b) =>
    (a.requester ? 0 : 1) - (b.requester ? 0 : 1) || byText(a.requester, b.requester) || a.created - b.created,
  'completed-newest': (a, b) => b.completed - a.completed,
  'completed-oldest': (a, b) => a.completed - b.completed,
  // no due date last, then the oldest first
  due: (a, b) => (a.due ? 0 : 1) - (b.due ? 0 : 1) || a.due - b.due || a.created - b.created,
  // no priority last, then the soonest due, then the oldest
  priority: (a, b) =>
    (b.priority ?? 0) - (a.priority ?? 0) ||
    (a.due ? 0 : 1) - (b.due ? 0 : 1) ||
    a.due - b.due ||
    a.created - b.created,
};

/** A sorted copy ('server' keeps the order the API returned). Ties keep the server's order (a stable sort). */
export function sortRows(rows: readonly QueueRow[], sort: QueueSort): QueueRow[] {
  const copy = rows.slice();
  return sort === 'server' ? copy : copy.sort(comparators[sort]);
}

/** The rows a filter keeps, and for rows it keeps only in part, which of their sub-items matched. */
export interface RowMatches {
  rows: QueueRow[];
  /** Row id → the ids of its sub-items that matched (rows absent here matched whole). */
  partial: ReadonlyMap<string, readonly string[]>;
}

const NO_PARTIAL: ReadonlyMap<string, readonly string[]> = new Map();

/** The terms of a search: lower-cased, split on white space; every one must match. */
export function searchTerms(q: string): string[] {
  return q.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Which sub-items of `row` match: every term not found in the row's own text must be in the sub-item's text, and
 * the application filter must name its application. Undefined when the row matches whole.
 */
function subItemMatch(row: QueueRow, rest: readonly string[], application: string): string[] | undefined {
  const subs = row.subItems;
  if (!subs || (rest.length === 0 && !application)) return undefined;
  let matched = subs.map((_, i) => i);
  if (application) matched = matched.filter((i) => subs[i].application === application);
  for (const term of rest) {
    if (matched.length === 0) break;
    const hit = new Set<number>();
    // every place the term occurs after the row's own text, mapped to the sub-item it lies in (binary search)
    for (let at = row.search.indexOf(term, row.ownEnd); at >= 0; at = row.search.indexOf(term, at + 1)) {
      let lo = 0;
      let hi = subs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (subs[mid].start <= at) lo = mid;
        else hi = mid - 1;
      }
      if (at >= subs[lo].start && at + term.length <= subs[lo].end) hit.add(lo);
    }
    matched = matched.filter((i) => hit.has(i));
  }
  return matched.length === subs.length ? undefined : matched.map((i) => subs[i].id);
}

/** The rows that match every part of the filter, in the order given, and which sub-items matched where not all. */
export function matchRows(rows: readonly QueueRow[], f: QueueFilter, now: number): RowMatches {
  if (!isFiltered(f)) return { rows: rows as QueueRow[], partial: NO_PARTIAL };
  const terms = searchTerms(f.q);
  const minAge = f.age ? Number(f.age) * DAY_MS : 0;
  const dueBy = f.due ? now + Number(f.due) * DAY_MS : 0;
  const facets = Object.entries(f.facets ?? {}).filter(([, value]) => value);
  const partial = new Map<string, readonly string[]>();
  const kept = rows.filter((r) => {
    if (
      (f.kind && r.kind !== f.kind) ||
      (f.type && r.type !== f.type) ||
      (f.requester && r.requester !== f.requester) ||
      (f.application &&
        !r.applications.includes(f.application) &&
        !r.subItems?.some((sub) => sub.application === f.application)) ||
      (minAge && !(r.created > 0 && now - r.created > minAge)) ||
      (dueBy && !(r.due > 0 && r.due <= dueBy)) ||
      facets.some(([name, value]) => r.facets?.[name] !== value)
    ) {
      return false;
    }
    // Terms found in the row's own text match all of it; the others must be found in its sub-items' text.
    let rest: string[] | undefined;
    for (const t of terms) {
      const at = r.search.indexOf(t);
      if (at < 0) return false;
      if (at + t.length > r.ownEnd) (rest ??= []).push(t);
    }
    if (!r.subItems) return true;
    const some = subItemMatch(r, rest ?? [], f.application);
    if (!some) return true;
    if (some.length === 0) return false;
    partial.set(r.id, some);
    return true;
  });
  return { rows: kept, partial };
}

/** The rows that match every part of the filter, in the order given. Search terms are ANDed. */
export function filterRows(rows: readonly QueueRow[], f: QueueFilter, now: number): QueueRow[] {
  return matchRows(rows, f, now).rows;
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
  /** The kinds' own filters' choices, by KindFacet.name. */
  extra: Readonly<Record<string, Facet[]>>;
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
  const extra = new Map<string, Map<string, { label: string; count: number }>>();
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
    if (r.facets) {
      for (const [name, value] of Object.entries(r.facets)) {
        if (!value) continue;
        let map = extra.get(name);
        if (!map) extra.set(name, (map = new Map()));
        bump(map, value);
      }
    }
  }
  return {
    types: toFacets(types),
    applications: toFacets(apps),
    requesters: toFacets(requesters),
    kinds: toFacets(kinds),
    extra: Object.fromEntries([...extra].map(([name, map]) => [name, toFacets(map)])),
  };
}

/** How many rows are due (or expire) within `days` days of `now`, overdue ones included. */
export function dueWithin(rows: readonly QueueRow[], days: number, now: number): number {
  const by = now + days * DAY_MS;
  let n = 0;
  for (const r of rows) if (r.due > 0 && r.due <= by) n++;
  return n;
}

/** The row created longest ago (with a known date). */
export function oldestRow(rows: readonly QueueRow[]): QueueRow | undefined {
  let oldest: QueueRow | undefined;
  for (const r of rows) if (r.created && (!oldest || r.created < oldest.created)) oldest = r;
  return oldest;
}
