import { useCallback, useRef, useState } from 'react';
import { runQueue, type QueueRun } from './queue/runner.ts';
import { isStatus, SESSION_EXPIRED_MESSAGE, saveBulkResume, type BulkPhase, type BulkResult } from './bulk-resume.ts';

export {
  clearBulkResume,
  readBulkResume,
  SESSION_EXPIRED_MESSAGE,
  type BulkPhase,
  type BulkResult,
  type BulkResume,
} from './bulk-resume.ts';

/** A run's item: its id and a name for the report. */
export interface BulkItem {
  id: string;
  name?: string | null;
}

/** Cancelled before it was sent: stays selected, no failure. */
export const CANCELLED_MESSAGE = 'Not sent: cancelled.';

/**
 * Runs one call per work item through the queue runner (runner.ts: a few at a time, within ISC's rate limit, each
 * item once), keeping a result per item. `onItemDone` reports each outcome at once (the inbox takes a success out
 * of the selection and keeps a failure selected with its reason), so a success can never be sent twice. A second
 * `run` while one is going is ignored; `cancel` stops what has not started (reported with `cancelled`).
 *
 * A 401 (the session expired) stops the run: the items after it would all fail the same way, and the page is
 * about to go to sign in. That item and the ones never sent are reported as failed with SESSION_EXPIRED_MESSAGE,
 * and, when `resume` is given, kept in sessionStorage under `resume.key` (see `readBulkResume`) so that the page
 * can offer to finish the run after signing in again.
 */
export function useBulkRun<T extends BulkItem, M = unknown>({
  onItemDone,
  resume,
}: {
  onItemDone: (result: BulkResult) => void;
  resume?: { key: string; meta: M; identityId?: string };
}) {
  const [phase, setPhase] = useState<BulkPhase>('confirm');
  const [results, setResults] = useState<BulkResult[]>([]);
  const [total, setTotal] = useState(0);
  const current = useRef<QueueRun<T> | null>(null);

  const run = useCallback(
    async (items: readonly T[], perform: (item: T) => Promise<unknown>): Promise<BulkResult[]> => {
      if (current.current) return [];
      setPhase('running');
      setResults([]);
      const done: BulkResult[] = [];
      const nameOf = (item: T) => item.name || item.id;
      // Results can arrive several per frame: one re-render per ~frame, not per item.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = () => {
        timer = undefined;
        setResults([...done]);
      };
      // A 401 stops the run: what is left is kept for a resume at once (the page is about to go to sign in), and
      // again whenever a request still in flight at that moment settles.
      let succeededCount = 0;
      const order = new Map(items.map((item, i) => [item.id, i] as const));
      const stopped: { id: string; name: string }[] = [];
      const keepForResume = () => {
        if (!resume || stopped.length === 0) return;
        saveBulkResume(resume.key, {
          identityId: resume.identityId,
          meta: resume.meta,
          remaining: [...stopped],
          succeeded: succeededCount,
          at: new Date().toISOString(),
        });
      };
      const handle = runQueue<T>(items, perform, {
        stopsRun: (error) => isStatus(error, 401),
        onOutcome: ({ item, status, error }) => {
          const base = { id: item.id, name: nameOf(item) };
          const result: BulkResult =
            status === 'ok'
              ? { ...base, ok: true }
              : status === 'cancelled'
                ? { ...base, ok: false, cancelled: true, message: CANCELLED_MESSAGE }
                : status === 'stopped'
                  ? { ...base, ok: false, message: SESSION_EXPIRED_MESSAGE }
                  : { ...base, ok: false, message: (error as { message?: string } | undefined)?.message || 'Failed' };
          if (status === 'ok') succeededCount++;
          if (status === 'stopped') {
            stopped.push(base);
            stopped.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
          }
          if (status === 'ok' || status === 'stopped') keepForResume();
          done.push(result);
          onItemDone(result);
          timer ??= setTimeout(flush, 16);
        },
      });
      current.current = handle;
      setTotal(new Set(items.map((i) => i.id)).size);
      await handle.done;
      clearTimeout(timer);
      // the report lists the items in the order of the run, whatever order they finished in
      done.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      flush();
      current.current = null;
      setPhase('done');
      return done;
    },
    [onItemDone, resume],
  );

  const cancel = useCallback(() => current.current?.cancel(), []);
  const succeeded = results.filter((r) => r.ok).length;
  return { phase, results, run, cancel, total, succeeded, failed: results.length - succeeded };
}
