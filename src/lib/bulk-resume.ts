// What a bulk run keeps for later, apart from the run itself (use-bulk-run.ts, which brings the queue runner and is
// loaded with the bulk dialogs): the result type, the undone items of a run a 401 cut short, kept in sessionStorage
// for a resume after signing in. The inbox reads these on its first load, without the runner.
import { readStoredJson, removeStored, writeStored } from './storage.ts';

/** The outcome of one work item in a bulk run ("Approve selected", "Reject selected", "Forward selected"). */
export interface BulkResult {
  id: string;
  name: string;
  ok: boolean;
  message?: string;
  /** Never sent (the run was cancelled first): it stays selected, without a failure. */
  cancelled?: boolean;
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

export function isStatus(error: unknown, status: number): boolean {
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

export function saveBulkResume(name: string, value: BulkResume): void {
  // storage disabled: the failed items still stay selected
  writeStored('session', name, JSON.stringify(value));
}
