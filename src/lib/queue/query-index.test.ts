import { describe, expect, it } from 'vitest';
import {
  ageBand,
  DAY_MS,
  facetsOf,
  filterRows,
  NO_FILTER,
  oldestRow,
  sortRows,
  type QueueFilter,
} from './query-index.ts';
import type { QueueRow } from './row.ts';
import { testRow } from '../../test/rows.ts';

const NOW = Date.UTC(2025, 5, 30);

function row(id: string, fields: Partial<QueueRow> = {}): QueueRow {
  return testRow(id, { name: `Item ${id}`, created: NOW - DAY_MS, ...fields });
}

const rows = [
  row('a', { requester: 'Marcus Chen', applications: ['Workday'], created: NOW - 40 * DAY_MS, pendingCount: 2 }),
  row('b', { requester: 'Ann Lee', applications: ['Okta', 'Workday'], created: NOW - 10 * DAY_MS, pendingCount: 5 }),
  row('c', { requester: 'Marcus Chen', type: 'Generic', typeLabel: 'Generic', created: NOW - 2 * DAY_MS }),
  row('d', { requester: '', created: 0, pendingCount: 0, completed: NOW - DAY_MS }),
];
const f = (changes: Partial<QueueFilter>): QueueFilter => ({ ...NO_FILTER, ...changes });
const ids = (list: QueueRow[]) => list.map((r) => r.id);

describe('filterRows', () => {
  it('searches case-insensitively, every term must match, in the order given', () => {
    expect(ids(filterRows(rows, f({ q: 'WORKDAY' }), NOW))).toEqual(['a', 'b']);
    expect(ids(filterRows(rows, f({ q: 'marcus workday' }), NOW))).toEqual(['a']);
    expect(ids(filterRows(rows, f({ q: '  ' }), NOW))).toEqual(['a', 'b', 'c', 'd']);
    expect(filterRows(rows, f({ q: 'nobody' }), NOW)).toEqual([]);
  });

  it('filters by type, application, requester and age, combined', () => {
    expect(ids(filterRows(rows, f({ type: 'Generic' }), NOW))).toEqual(['c']);
    expect(ids(filterRows(rows, f({ application: 'Workday' }), NOW))).toEqual(['a', 'b']);
    expect(ids(filterRows(rows, f({ requester: 'Marcus Chen' }), NOW))).toEqual(['a', 'c']);
    // an unknown date is never "older than"
    expect(ids(filterRows(rows, f({ age: '7' }), NOW))).toEqual(['a', 'b']);
    expect(ids(filterRows(rows, f({ age: '30' }), NOW))).toEqual(['a']);
    expect(ids(filterRows(rows, f({ age: '7', requester: 'Marcus Chen', application: 'Workday' }), NOW))).toEqual([
      'a',
    ]);
  });
});

describe('sortRows', () => {
  it('sorts by created, pending count, requester and completion; server keeps the order; a copy each time', () => {
    expect(ids(sortRows(rows, 'oldest'))).toEqual(['d', 'a', 'b', 'c']);
    expect(ids(sortRows(rows, 'newest'))).toEqual(['c', 'b', 'a', 'd']);
    expect(ids(sortRows(rows, 'pending'))).toEqual(['b', 'a', 'c', 'd']);
    // no requester last; one requester's items oldest first
    expect(ids(sortRows(rows, 'requester'))).toEqual(['b', 'a', 'c', 'd']);
    expect(ids(sortRows(rows, 'completed-newest'))[0]).toBe('d');
    expect(ids(sortRows(rows, 'completed-oldest')).at(-1)).toBe('d');
    const server = sortRows(rows, 'server');
    expect(ids(server)).toEqual(['a', 'b', 'c', 'd']);
    expect(server).not.toBe(rows);
  });
});

describe('facets and counts', () => {
  it('counts each type, application and requester over all rows, sorted by label', () => {
    const facets = facetsOf(rows);
    expect(facets.types).toEqual([
      { value: 'Approval', label: 'Approval', count: 3 },
      { value: 'Generic', label: 'Generic', count: 1 },
    ]);
    expect(facets.applications).toEqual([
      { value: 'Okta', label: 'Okta', count: 1 },
      { value: 'Workday', label: 'Workday', count: 2 },
    ]);
    expect(facets.requesters.map((r) => [r.value, r.count])).toEqual([
      ['Ann Lee', 1],
      ['Marcus Chen', 2],
    ]);
  });

  it('the oldest row with a date, and age bands past 7 and 30 days', () => {
    expect(oldestRow(rows)?.id).toBe('a');
    expect(oldestRow([])).toBeUndefined();
    expect(ageBand(NOW - 31 * DAY_MS, NOW)).toBe('month');
    expect(ageBand(NOW - 8 * DAY_MS, NOW)).toBe('week');
    expect(ageBand(NOW - 7 * DAY_MS, NOW)).toBe('fresh');
    expect(ageBand(0, NOW)).toBe('unknown');
  });
});
