import { describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { filterAndSort, readTableParams } from './table-params.ts';

const items: WorkItem[] = [
  {
    id: 'a1',
    name: 'Access to Payroll',
    created: '2025-01-02T00:00:00Z',
    type: 'Approval',
    requesterDisplayName: 'Ann',
  },
  { id: 'b2', name: 'Remove stale account', created: '2025-01-03T00:00:00Z', type: 'Generic', description: 'payroll' },
  { id: 'c3', name: null, created: undefined, type: undefined, requesterDisplayName: null },
];

describe('readTableParams', () => {
  it('falls back to safe defaults for missing or odd values', () => {
    expect(readTableParams(new URLSearchParams('page=abc&size=7&sort=x'))).toEqual({
      page: 0,
      pageSize: 25,
      q: '',
      type: '',
      sort: 'newest',
    });
    expect(readTableParams(new URLSearchParams('page=3&size=250&sort=oldest&q=x&type=Approval'))).toMatchObject({
      page: 2,
      pageSize: 250,
      sort: 'oldest',
    });
  });
});

describe('filterAndSort', () => {
  it('filters by name, description, requester and id, case-insensitively, and survives missing fields', () => {
    expect(filterAndSort(items, { q: 'PAYROLL', type: '', sort: 'newest' }).map((i) => i.id)).toEqual(['b2', 'a1']);
    expect(filterAndSort(items, { q: 'ann', type: '', sort: 'newest' }).map((i) => i.id)).toEqual(['a1']);
    expect(filterAndSort(items, { q: 'c3', type: '', sort: 'newest' }).map((i) => i.id)).toEqual(['c3']);
  });
  it('filters by type and sorts by created', () => {
    expect(filterAndSort(items, { q: '', type: 'Generic', sort: 'newest' }).map((i) => i.id)).toEqual(['b2']);
    expect(filterAndSort(items, { q: '', type: '', sort: 'oldest' }).map((i) => i.id)).toEqual(['c3', 'a1', 'b2']);
  });
});
