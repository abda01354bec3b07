// Several kinds' queues as one list: the inbox shows work items and access-request approvals together. Each kind
// streams on its own (its own API, pages and bound); the list is their rows one after the other (the index sorts
// them as one), their counts added up, and complete when every kind is — a kind whose load failed counts as done
// with what it had, so one API's failure leaves the other's rows usable and says so above them.
import type { QueueData } from './stream.ts';

export interface QueuePart {
  data: QueueData | undefined;
  /** The load failed (and is not being retried). */
  failed: boolean;
}

/** Undefined until the first kind has rows to show (or every kind failed). */
export function mergeQueues(parts: readonly QueuePart[]): QueueData | undefined {
  const loaded = parts.filter((p) => p.data);
  if (loaded.length === 0) return undefined;
  if (loaded.length === 1 && parts.length === 1) return loaded[0].data;
  let total = 0;
  let target = 0;
  let received = 0;
  let complete = true;
  const rows = [];
  for (const { data, failed } of parts) {
    if (!data) {
      if (!failed) complete = false;
      continue;
    }
    rows.push(...data.rows);
    total += data.total;
    target += data.target;
    received += data.received;
    if (!data.complete && !failed) complete = false;
  }
  return { rows, total, target, received, complete };
}
