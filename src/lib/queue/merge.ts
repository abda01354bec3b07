// Several kinds' queues as one list: the inbox shows work items, access-request approvals and whatever kind is
// registered together. Each kind streams on its own (its own API, pages and bound); the list is their rows one
// after the other (the index sorts them as one), their counts added up, and complete when every kind is — a kind
// whose load failed counts as done with what it had, so one API's failure leaves the others' rows usable and says
// so above them. One thing listed by two kinds' APIs (an access request's approval in the legacy API and in the
// Approvals service: the rows' `sameAs`) is listed once, as the kind of the highest precedence has it. Nothing is shown until every kind has answered its first page (or failed): a kind answering later
// would put its rows above the ones the user is already reading, and "0 pending" would be said before it counted.
import type { QueueRow } from './row.ts';
import type { QueueData } from './stream.ts';

export interface QueuePart {
  data: QueueData | undefined;
  /** The load failed (and is not being retried). */
  failed: boolean;
  /** Its kind's InboxKind.sameAsPrecedence: which row of a thing listed by several kinds is kept. */
  precedence?: number;
}

/**
 * Each part's rows without those another part lists too (the same `sameAs`) at a higher precedence, or at the same
 * precedence earlier in the parts' order. Rows of one part never replace each other.
 */
export function listedOnce(parts: readonly QueuePart[]): QueueRow[][] {
  const best = new Map<string, { precedence: number; part: number }>();
  parts.forEach(({ data, precedence = 0 }, part) => {
    for (const r of data?.rows ?? []) {
      if (!r.sameAs) continue;
      const known = best.get(r.sameAs);
      if (!known || precedence > known.precedence) best.set(r.sameAs, { precedence, part });
    }
  });
  if (best.size === 0) return parts.map((p) => (p.data?.rows ?? []) as QueueRow[]);
  return parts.map(({ data }, part) =>
    (data?.rows ?? []).filter((r) => !r.sameAs || best.get(r.sameAs)!.part === part),
  );
}

/** A kind's data has answered: its first page is in (a stream that has not yielded yet holds nothing). */
export function answered(data: QueueData | undefined): data is QueueData {
  return !!data && (data.complete || data.received > 0 || data.target > 0);
}

/** Undefined until every kind has answered or failed (and while none has rows to show because all failed). */
export function mergeQueues(parts: readonly QueuePart[]): QueueData | undefined {
  if (parts.some((p) => !answered(p.data) && !p.failed) || !parts.some((p) => answered(p.data))) return undefined;
  let total = 0;
  let target = 0;
  let received = 0;
  let complete = true;
  const askedAtByKind: Record<string, number> = {};
  const rows = [];
  const once = listedOnce(parts.map((p) => (answered(p.data) ? p : { ...p, data: undefined })));
  for (const [i, { data, failed }] of parts.entries()) {
    if (!answered(data)) continue;
    const dropped = data.rows.length - once[i].length;
    rows.push(...once[i]);
    total += data.total - dropped;
    target += data.target - dropped;
    received += data.received - dropped;
    if (!data.complete && !failed) complete = false;
    const kind = data.rows[0]?.kind;
    if (kind !== undefined) askedAtByKind[kind] = data.askedAt ?? 0;
  }
  return { rows, total, target, received, complete, askedAtByKind };
}
