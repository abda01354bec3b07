// Several kinds' queues as one list: the inbox shows work items, access-request approvals and whatever kind is
// registered together. Each kind streams on its own (its own API, pages and bound); the list is their rows one
// after the other (the index sorts them as one), their counts added up, and complete when every kind is — a kind
// whose load failed counts as done with what it had, so one API's failure leaves the others' rows usable and says
// so above them. Nothing is shown until every kind has answered its first page (or failed): a kind answering later
// would put its rows above the ones the user is already reading, and "0 pending" would be said before it counted.
import type { QueueData } from './stream.ts';

export interface QueuePart {
  data: QueueData | undefined;
  /** The load failed (and is not being retried). */
  failed: boolean;
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
  const rows = [];
  for (const { data, failed } of parts) {
    if (!answered(data)) continue;
    rows.push(...data.rows);
    total += data.total;
    target += data.target;
    received += data.received;
    if (!data.complete && !failed) complete = false;
  }
  return { rows, total, target, received, complete };
}
