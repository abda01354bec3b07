import { useCallback, useRef, useState } from 'react';
import { readStoredJson, removeStored, writeStored } from './storage.ts';

/** The outcome of one work item in a bulk run ("Approve selected", "Reject selected", "Forward selected"). */
export interface BulkResult {
  id: string;
  name: string;
  ok: boolean;
  message?: string;
}

export type BulkPhase = 'confirm' | 'running' | 'done';

/** The message of the items a run did not get to send because the session expired (a 401) on the way. */
export const SESSION_EXPIRED_MESSAGE = 'Not done: your session expired. Sign in again to resume.';

/**
 * What a run interrupted by an expired session leaves in sessionStorage under its `resume.key` (a storage name),
 * so that after signing in again the page can offer to resume it with only the undone work items.
 */
export interface BulkResume<M = unknown> {
  /** Who was signed in: a resume is only offered to the same identity. */
  identityId?: string;
  /** The caller's own data (e.g. the decision). */
  meta: M;
  /** The work items not done: the one the 401 answered and the ones never sent, in run order. */
  remaining: { id: string; name: string }[];
  /** How many had succeeded before the interruption. */
  succeeded: number;
  at: string;
}

function isStatus(error: unknown, status: number): boolean {
  return !!error && typeof error === 'object' && (error as { status?: unknown }).status === status;
}

export function readBulkResume<M = unknown>(name: string): BulkResume<M> | null {
  const parsed = readStoredJson('session', name) as BulkResume<M> | undefined;
  if (!parsed || !Array.isArray(parsed.remaining)) return null;
  const remaining = parsed.remaining.filter(
    (r): r is { id: string; name: string } => !!r && typeof r.id === 'string' && typeof r.name === 'string',
  );
  return remaining.length ? { ...parsed, remaining } : null;
}

export function clearBulkResume(name: string): void {
  removeStored('session', name);
}

function saveBulkResume(name: string, value: BulkResume): void {
  // storage disabled: the failed items still stay selected
  writeStored('session', name, JSON.stringify(value));
}

/**
 * Runs one call per work item, one after the other, keeping a result per item. `onItemDone` reports each outcome
 * at once (the inbox takes a success out of the selection and keeps a failure selected with its reason), so a
 * success can never be sent twice. A second `run` while one is going is ignored.
 *
 * A 401 (the session expired) stops the run: the items after it would all fail the same way, and the page is
 * about to go to sign in. That item and the ones never sent are reported as failed with SESSION_EXPIRED_MESSAGE,
 * and, when `resume` is given, kept in sessionStorage under `resume.key` (see `readBulkResume`) so that the page
 * can offer to finish the run after signing in again.
 */
export function useBulkRun<T extends { id: string; name?: string | null }, M = unknown>({
  onItemDone,
  resume,
}: {
  onItemDone: (result: BulkResult) => void;
  resume?: { key: string; meta: M; identityId?: string };
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
      const report = (result: BulkResult) => {
        done.push(result);
        onItemDone(result);
        setResults([...done]);
      };
      const nameOf = (item: T) => item.name || item.id;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        try {
          await perform(item);
          report({ id: item.id, name: nameOf(item), ok: true });
        } catch (error) {
          if (isStatus(error, 401)) {
            const undone = items.slice(i);
            const keep = resume;
            if (keep) {
              saveBulkResume(keep.key, {
                identityId: keep.identityId,
                meta: keep.meta,
                remaining: undone.map((u) => ({ id: u.id, name: nameOf(u) })),
                succeeded: done.filter((r) => r.ok).length,
                at: new Date().toISOString(),
              });
            }
            for (const u of undone) report({ id: u.id, name: nameOf(u), ok: false, message: SESSION_EXPIRED_MESSAGE });
            break;
          }
          const e = error as { message?: string };
          report({ id: item.id, name: nameOf(item), ok: false, message: e?.message || 'Failed' });
        }
      }
      running.current = false;
      setPhase('done');
      return done;
    },
    [onItemDone, resume],
  );

  const succeeded = results.filter((r) => r.ok).length;
  return { phase, results, run, succeeded, failed: results.length - succeeded };
}
