// How many items each kind has, for the nav badge and the summary: the kind's count call, or — once the list has
// loaded a kind's whole queue for this owner — that queue's own total, so the badge, the summary and the list say
// the same number at every moment (a decision shown at once takes its item out of all three together).
import { useKinds } from '../../../lib/kinds/context.ts';
import type { InboxKind } from '../../../lib/kinds/kind.ts';
import { useQueueBound } from '../../../lib/queue/bound.ts';
import { useQueryList } from '../../../lib/use-query-list.ts';

export interface KindCount {
  kind: InboxKind;
  pending: number | undefined;
  completed: number | undefined;
  failed: boolean;
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
  const perKind = kinds.map((kind, i) => {
    const queue = queues[i].data;
    const fromQueue = queue?.complete ? queue.total : undefined;
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
