// Loads a whole queue from a source: the first page (with the total) at once, then the rest a few requests at a
// time, yielded in the server's order, up to a bound. A TanStack streamedQuery turns the yields into cache updates,
// so the first rows show while the rest stream in.
import type { QueuePage, QueueRow, QueueSource } from './row.ts';

/** Requests in flight while the rest of a queue loads (ISC allows 100 per 10 s per token). */
export const LOAD_CONCURRENCY = 3;

export interface QueueChunk extends QueuePage {
  /** How many items the loader fetches in all: min(total, bound). */
  target: number;
  /** The last page of this load. */
  last: boolean;
  /** When this load began (ms since the epoch). */
  askedAt: number;
}

/** What the queue's cache holds: the rows so far in the server's order, no id twice. */
export interface QueueData {
  rows: QueueRow[];
  /** The API's count of the whole list (may exceed `target`: the bound). */
  total: number;
  target: number;
  /** Items received so far (before removing ids seen twice, which happens when the list shifts mid-load). */
  received: number;
  complete: boolean;
  /**
   * When the load of these rows began (ms since the epoch). A decision the server took after it may still be listed
   * here as pending (see `takenSince` in lib/held.ts).
   */
  askedAt?: number;
  /** Merged queues (lib/queue/merge.ts): each kind's `askedAt`, by the rows' `kind`. */
  askedAtByKind?: Readonly<Record<string, number>>;
}

export const EMPTY_QUEUE: QueueData = { rows: [], total: 0, target: 0, received: 0, complete: false };

/** Adds one streamed page to the queue's data (the streamedQuery reducer). */
export function addChunk(data: QueueData, chunk: QueueChunk): QueueData {
  const seen = new Set(data.rows.map((r) => r.id));
  const fresh = chunk.rows.filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
  return {
    rows: fresh.length ? data.rows.concat(fresh) : data.rows,
    total: chunk.total,
    target: chunk.target,
    received: data.received + chunk.rows.length,
    complete: chunk.last,
    askedAt: chunk.askedAt,
  };
}

/** The queue's data without these ids (decided or forwarded here: gone before the refetch says so). */
export function withoutIds(data: QueueData, ids: ReadonlySet<string>): QueueData {
  const rows = data.rows.filter((r) => !ids.has(r.id));
  const removed = data.rows.length - rows.length;
  if (!removed) return data;
  return { ...data, rows, total: Math.max(0, data.total - removed), target: Math.max(0, data.target - removed) };
}

/** Resolves after the browser's next frame (at once where there are no frames). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.hidden) {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

export async function* streamQueue(
  source: QueueSource,
  { bound, signal, concurrency = LOAD_CONCURRENCY }: { bound: number; signal?: AbortSignal; concurrency?: number },
): AsyncGenerator<QueueChunk> {
  const size = source.pageSize;
  const askedAt = Date.now();
  const first = await source.fetchPage({ offset: 0, limit: Math.min(size, Math.max(1, bound)), signal });
  const target = Math.min(first.total, bound);
  const offsets: number[] = [];
  for (let offset = size; offset < target; offset += size) offsets.push(offset);
  yield { ...first, target, last: offsets.length === 0, askedAt };
  // The rest waits until the first rows are painted: parsing three more pages must not delay them.
  if (offsets.length) await afterNextPaint();

  const inFlight = new Map<number, Promise<QueuePage>>();
  let next = 0;
  const fill = () => {
    while (inFlight.size < concurrency && next < offsets.length) {
      const offset = offsets[next++];
      const page = source.fetchPage({ offset, limit: Math.min(size, target - offset), signal });
      page.catch(() => {}); // awaited in order below; a failure after an earlier one must not go unhandled
      inFlight.set(offset, page);
    }
  };
  for (let i = 0; i < offsets.length; i++) {
    fill();
    const page = await inFlight.get(offsets[i])!;
    inFlight.delete(offsets[i]);
    yield { ...page, target, last: i === offsets.length - 1, askedAt };
  }
}
