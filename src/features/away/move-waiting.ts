// "Also move what is waiting now": work reassignment only reaches work assigned after it starts, so what already
// waits is handed over here, item by item, with each kind's own handover (forward) — through the kinds' interface,
// so a kind added to the registry is moved too. Which rows: every pending one of the owner whose kind of work is
// delegated; a row its kind cannot hand over is listed with the reason instead.
import type { QueryClient } from '@tanstack/react-query';
import type { ConfigTypeEnum } from '../../../contract/work-reassignment.ts';
import { sendRequest } from '../../lib/http.ts';
import type { InboxKind, KindAction } from '../../lib/kinds/kind.ts';
import { runtimeOf } from '../../lib/kinds/runtime.ts';
import { readQueueBound } from '../../lib/queue/bound.ts';
import type { QueueRow } from '../../lib/queue/row.ts';

export interface MoveTarget {
  id: string;
  name: string;
  kind: InboxKind;
  action: KindAction;
  row: QueueRow;
  /** Who gets it: the end of the owner's evaluated chain for its kind of work. */
  to: { id: string; name: string };
}

export interface NotMoved {
  id: string;
  name: string;
  message: string;
}

export interface MovePlan {
  targets: MoveTarget[];
  skipped: NotMoved[];
  /** The owner has more waiting than the queue loads ("Load up to"): those were not looked at. */
  beyondBound: number;
}

/**
 * What is waiting for `ownerId` (undefined: oneself) of these kinds of work, loaded as the inbox loads it, and where
 * each goes (`destination` of its kind of work).
 */
export async function planMove(
  queryClient: QueryClient,
  kinds: readonly InboxKind[],
  ownerId: string | undefined,
  destination: (type: ConfigTypeEnum) => { id: string; name: string } | undefined,
): Promise<MovePlan> {
  const plan: MovePlan = { targets: [], skipped: [], beyondBound: 0 };
  const bound = readQueueBound();
  for (const kind of kinds) {
    if (!kind.workType) continue;
    const data = await queryClient.fetchQuery({ ...kind.queue.pending({ ownerId, bound }), staleTime: 0 });
    plan.beyondBound += Math.max(0, data.total - data.rows.length);
    const handover = kind.actions.find((a) => a.type === 'handover');
    for (const row of data.rows) {
      const type = kind.workType(row);
      const to = type && destination(type);
      if (!to) continue;
      const available = handover ? handover.available(row) : `${kind.nouns.many} cannot be handed over`;
      if (available !== true) plan.skipped.push({ id: row.id, name: row.name, message: `Not moved: ${available}.` });
      else plan.targets.push({ id: row.id, name: row.name, kind, action: handover!, row, to });
    }
  }
  return plan;
}

/** Hands one item over with the one comment; rejects with the server's refusal. */
export async function moveOne(queryClient: QueryClient, target: MoveTarget, comment: string): Promise<void> {
  const { requests: build, cache } = await runtimeOf(target.kind);
  const requests = build(
    target.action.name,
    { id: target.id, name: target.name, ownerId: target.row.ownerId || undefined },
    { comment, owner: target.to, notify: true },
  );
  const answers: unknown[] = [];
  for (const request of requests) {
    answers.push(await sendRequest(request));
    cache.shown(queryClient, request);
  }
  await cache.settled(queryClient, requests, answers);
}

/** After a run: every moved kind's lists and counts of the owner and of those who got the items are stale. */
export async function refreshAfterMove(
  queryClient: QueryClient,
  targets: readonly MoveTarget[],
  ownerId: string | undefined,
): Promise<void> {
  const kinds = [...new Set(targets.map((t) => t.kind))];
  const owners = [ownerId, ...new Set(targets.map((t) => t.to.id))];
  await Promise.all(kinds.map(async (kind) => (await runtimeOf(kind)).cache.refresh(queryClient, owners)));
}
