import { useCallback, useRef, useState } from 'react';

/** The outcome of one work item in a bulk run ("Approve selected", "Reject selected", "Forward selected"). */
export interface BulkResult {
  id: string;
  name: string;
  ok: boolean;
  message?: string;
}

export type BulkPhase = 'confirm' | 'running' | 'done';

/**
 * Runs one call per work item, one after the other, keeping a result per item. `onItemDone` reports each outcome
 * at once (the inbox takes a success out of the selection and keeps a failure selected with its reason), so a
 * success can never be sent twice. A second `run` while one is going is ignored.
 */
export function useBulkRun<T extends { id: string; name?: string | null }>({
  onItemDone,
}: {
  onItemDone: (result: BulkResult) => void;
}) {
  const [phase, setPhase] = useState<BulkPhase>('confirm');
  const [results, setResults] = useState<BulkResult[]>([]);
  const running = useRef(false);

  const run = useCallback(
    async (items: readonly T[], perform: (item: T) => Promise<unknown>): Promise<BulkResult[]> => {
      if (running.current) return [];
      running.current = true;
      setPhase('running');
      setResults([]);
      const done: BulkResult[] = [];
      for (const item of items) {
        const name = item.name || item.id;
        let result: BulkResult;
        try {
          await perform(item);
          result = { id: item.id, name, ok: true };
        } catch (error) {
          const e = error as { message?: string };
          result = { id: item.id, name, ok: false, message: e?.message || 'Failed' };
        }
        done.push(result);
        onItemDone(result);
        setResults([...done]);
      }
      running.current = false;
      setPhase('done');
      return done;
    },
    [onItemDone],
  );

  const succeeded = results.filter((r) => r.ok).length;
  return { phase, results, run, succeeded, failed: results.length - succeeded };
}
