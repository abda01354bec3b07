// How many items each kind has, for the nav badge and the summary: the kind's count call, or — once the list has
// loaded a kind's whole queue for this owner — that queue's own total, so the badge, the summary and the list say
// the same number at every moment (a decision shown at once takes its item out of all three together).
import { useMemo } from 'react';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { InboxKind } from '../../../lib/kinds/kind.ts';
import { useQueueBound } from '../../../lib/queue/bound.ts';
import { listedOnce } from '../../../lib/queue/merge.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { QueueData } from '../../../lib/queue/stream.ts';
import { useQueryList } from '../../../lib/use-query-list.ts';

export interface KindCount {
  kind: InboxKind;
  pending: number | undefined;
  completed: number | undefined;
  failed: boolean;
}

/** A number per object, to key a memo on which queues it reads. */
const ids = new WeakMap<object, number>();
let lastId = 0;
const idOf = (value: object | undefined) => {
  if (!value) return 0;
  let id = ids.get(value);
  if (!id) ids.set(value, (id = ++lastId));
  return id;
};

/** listedOnce of the kinds' queues, computed again only when one of them changed. */
function useListedOnce(kinds: readonly InboxKind[], datas: readonly (QueueData | undefined)[]): QueueRow[][] {
  const key = `${idOf(kinds)}:${datas.map(idOf).join()}`;
  return useMemo(
    () => listedOnce(kinds.map((k, i) => ({ data: datas[i], failed: false, precedence: k.sameAsPrecedence }))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the kinds and their queues
    [key],
  );
}

export function useKindCounts(ownerId: string | undefined): {
  kinds: KindCount[];
  /** Every kind's pending items; undefined until each kind has answered (or failed). */
  pending: number | undefined;
  completed: number | undefined;
} {
  const kinds = useKinds();
  const [bound] = useQueueBound();
  const counts = useQueryList(kinds.map((k) => k.counts({ ownerId })));
  // read from the cache only: the list loads the queues; this never starts one
  const queues = useQueryList(kinds.map((k) => ({ ...k.queue.pending({ ownerId, bound }), enabled: false })));
  // a thing two kinds list (QueueRow.sameAs) is counted once, like the list shows it
  const once = useListedOnce(
    kinds,
    queues.map((q) => q.data),
  );
  const perKind = kinds.map((kind, i) => {
    const queue = queues[i].data;
    const fromQueue = queue?.complete ? queue.total - (queue.rows.length - once[i].length) : undefined;
    return {
      kind,
      pending: fromQueue ?? counts[i].data?.pending,
      completed: counts[i].data?.completed,
      failed: counts[i].isError,
    };
  });
  const known = perKind.every((c) => c.pending !== undefined || c.failed);
  const sum = (values: (number | undefined)[]) =>
    values.some((v) => v !== undefined) ? values.reduce<number>((n, v) => n + (v ?? 0), 0) : undefined;
  return {
    kinds: perKind,
    pending: known ? sum(perKind.map((c) => c.pending)) : undefined,
    completed: known ? sum(perKind.map((c) => c.completed)) : undefined,
  };
}
