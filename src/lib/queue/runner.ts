// The one client-side queue that bulk actions run through (approve, reject, mark complete, forward, for one
// work item or 10,000): a few requests in parallel, never more than ISC's rate limit in any window (p-queue's
// strict sliding window), each item performed at most once per run, Cancel drops what has not started, and a
// stopping error (a 401: the session is gone) stops the run with the rest kept for later. A 429 that still gets
// through (other requests share the token) is waited out by the http client, which retries only what the server
// refused before carrying it out.
import PQueue from 'p-queue';

/** ISC's limit per token: 100 requests per 10 s. */
export const RATE_LIMIT = { intervalCap: 100, interval: 10_000 } as const;
/** Requests in flight at once. */
export const RUN_CONCURRENCY = 4;

export type ItemStatus = 'ok' | 'failed' | 'cancelled' | 'stopped';

export interface ItemOutcome<T> {
  item: T;
  status: ItemStatus;
  error?: unknown;
}

export interface RunOptions<T> {
  concurrency?: number;
  intervalCap?: number;
  interval?: number;
  /** Called once per item, as soon as its outcome is known. */
  onOutcome?: (outcome: ItemOutcome<T>) => void;
  /** An error after which nothing more is sent (that item and every unstarted one become 'stopped'). */
  stopsRun?: (error: unknown) => boolean;
}

export interface QueueRun<T> {
  /** Every item's outcome, in the order given (duplicates of an id left out). */
  done: Promise<ItemOutcome<T>[]>;
  /** Nothing more starts; what is in flight finishes and is reported as it ends. */
  cancel: () => void;
}

/** Runs `perform` once for every distinct item id, under the concurrency and rate limit. */
export function runQueue<T extends { id: string }>(
  items: readonly T[],
  perform: (item: T) => Promise<unknown>,
  options: RunOptions<T> = {},
): QueueRun<T> {
  const queue = new PQueue({
    concurrency: options.concurrency ?? RUN_CONCURRENCY,
    intervalCap: options.intervalCap ?? RATE_LIMIT.intervalCap,
    interval: options.interval ?? RATE_LIMIT.interval,
    strict: true,
  });
  const unique = [...new Map(items.map((item) => [item.id, item] as const)).values()];
  const outcomes = new Map<string, ItemOutcome<T>>();
  const started = new Set<string>();
  let ended: ItemStatus | null = null; // 'cancelled' or 'stopped' once nothing more may start

  const report = (outcome: ItemOutcome<T>) => {
    if (outcomes.has(outcome.item.id)) return;
    outcomes.set(outcome.item.id, outcome);
    options.onOutcome?.(outcome);
  };
  const end = (status: 'cancelled' | 'stopped') => {
    if (ended) return;
    ended = status;
    queue.clear();
    // what never started is reported now (a stopped run's caller keeps it for later at once)
    for (const item of unique) if (!started.has(item.id)) report({ item, status });
  };

  for (const item of unique) {
    void queue.add(async () => {
      if (ended || started.has(item.id)) return; // already reported as cancelled/stopped
      started.add(item.id);
      try {
        await perform(item);
        report({ item, status: 'ok' });
      } catch (error) {
        if (options.stopsRun?.(error)) {
          end('stopped');
          report({ item, status: 'stopped', error });
        } else report({ item, status: 'failed', error });
      }
    });
  }

  const done = queue.onIdle().then(() => unique.map((item) => outcomes.get(item.id)!));
  return { done, cancel: () => end('cancelled') };
}
