import { expect, it } from 'vitest';
import { mergeQueues } from './merge.ts';
import { filterRows, NO_FILTER } from './query-index.ts';
import type { QueueRow } from './row.ts';
import type { QueueData } from './stream.ts';

const row = (id: string, kind: string): QueueRow => ({
  kind,
  id,
  name: id,
  description: '',
  requester: '',
  requestedFor: '',
  type: '',
  typeLabel: '',
  created: 1,
  completed: 0,
  state: 'Pending',
  pendingCount: 1,
  itemCount: 1,
  applications: [],
  ownerId: '',
  ownerName: '',
  actions: { decide: true, complete: false, forward: true },
  search: id,
});
const data = (rows: QueueRow[], complete: boolean, total = rows.length): QueueData => ({
  rows,
  total,
  target: total,
  received: rows.length,
  complete,
});

it('adds the kinds up, and is complete only when every kind is', () => {
  const a = data([row('w1', 'work-item'), row('w2', 'work-item')], true);
  const b = data([row('r1', 'access-request')], false, 3);
  const merged = mergeQueues([
    { data: a, failed: false },
    { data: b, failed: false },
  ])!;
  expect(merged.rows.map((r) => r.id)).toEqual(['w1', 'w2', 'r1']);
  expect(merged).toMatchObject({ total: 5, target: 5, received: 3, complete: false });
  expect(
    mergeQueues([
      { data: a, failed: false },
      { data: { ...b, complete: true }, failed: false },
    ])!.complete,
  ).toBe(true);
});

it('a kind still loading keeps the list incomplete; a failed one counts as done with what it had', () => {
  const a = data([row('w1', 'work-item')], true);
  expect(
    mergeQueues([
      { data: a, failed: false },
      { data: undefined, failed: false },
    ])!.complete,
  ).toBe(false);
  expect(
    mergeQueues([
      { data: a, failed: false },
      { data: undefined, failed: true },
    ])!.complete,
  ).toBe(true);
  expect(
    mergeQueues([
      { data: undefined, failed: false },
      { data: undefined, failed: true },
    ]),
  ).toBeUndefined();
});

it('the kind filter keeps one kind', () => {
  const rows = [row('w1', 'work-item'), row('r1', 'access-request')];
  expect(filterRows(rows, { ...NO_FILTER, kind: 'access-request' }, 0).map((r) => r.id)).toEqual(['r1']);
  expect(filterRows(rows, { ...NO_FILTER, kind: '' }, 0)).toHaveLength(2);
});
