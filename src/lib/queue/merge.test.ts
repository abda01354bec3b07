import { expect, it } from 'vitest';
import { mergeQueues } from './merge.ts';
import { filterRows, NO_FILTER } from './query-index.ts';
import type { QueueRow } from './row.ts';
import { testRow } from '../../test/rows.ts';
import type { QueueData } from './stream.ts';

const row = (id: string, kind: string): QueueRow => testRow(id, { kind });
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

it('nothing is shown until every kind has answered (or failed): no kind lands above rows already shown', () => {
  const a = data([row('w1', 'work-item')], true);
  const empty = { rows: [], total: 0, target: 0, received: 0, complete: false };
  expect(
    mergeQueues([
      { data: a, failed: false },
      { data: undefined, failed: false },
    ]),
  ).toBeUndefined();
  // a stream that has not yielded its first page holds nothing: it has not answered
  expect(
    mergeQueues([
      { data: a, failed: false },
      { data: empty, failed: false },
    ]),
  ).toBeUndefined();
  // a kind that answered with no items has answered
  expect(
    mergeQueues([
      { data: a, failed: false },
      { data: { ...empty, complete: true }, failed: false },
    ])!.complete,
  ).toBe(true);
  // a failed one counts as done with what it had
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
