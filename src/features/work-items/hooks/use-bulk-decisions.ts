// The inbox's selection and what is done with it: "Select all N matching", then Approve / Reject / Mark complete
// (the dialog runs one call per work item through the queue runner) or Forward; the outcome per item (a success
// leaves the selection and is never sent again, a failure stays selected with its reason, a cancelled one stays
// selected), and a run the session expired in the middle of, offered again after signing in.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNotify } from '../../../components/notify.tsx';
import { plural } from '../../../lib/plural.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { clearBulkResume, readBulkResume, type BulkResult } from '../../../lib/bulk-resume.ts';
import { useSession } from '../../session/api/session.ts';
import type { BulkDecisionMeta, BulkTarget } from '../components/BulkDecisionDialog.tsx';
import { actionDone, type BulkAction } from '../rules.ts';
import { usePersistentSelection } from './use-selection.ts';

/** A bulk action about to run or running: what the dialog gets. */
export interface BulkRun {
  decision: BulkAction;
  items: BulkTarget[];
  /** Selected work items left out (the action does not apply to them). */
  skipped: number;
  /** Resuming an interrupted run: no second confirmation. */
  autoStart?: boolean;
}

const target = (r: QueueRow): BulkTarget => ({
  id: r.id,
  name: r.name,
  pendingCount: r.pendingCount,
  ownerId: r.ownerId,
  kind: r.kind,
  rejectNeedsComment: r.actions.rejectNeedsComment,
});

/** `rows`: every row of the owner's queue (a selected id that is not among them is counted, but not acted on). */
export function useBulkDecisions(ownerId: string | undefined, rows: readonly QueueRow[]) {
  const notify = useNotify();
  const { data: session } = useSession();
  const selection = usePersistentSelection(`selection.${ownerId ?? 'me'}`);
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const [bulk, setBulk] = useState<BulkRun | null>(null);
  /** Work items a bulk call already succeeded for: never sent again, even if they linger in a stale list. */
  const [doneIds, setDoneIds] = useState<ReadonlySet<string>>(new Set());

  // A bulk action the session expired in the middle of (kept by useBulkRun): offered again after signing in.
  const resumeKey = `bulk-resume.${ownerId ?? 'me'}`;
  const [resumeState, setResumeState] = useState(() => ({
    key: resumeKey,
    value: readBulkResume<BulkDecisionMeta>(resumeKey),
  }));
  if (resumeState.key !== resumeKey)
    setResumeState({ key: resumeKey, value: readBulkResume<BulkDecisionMeta>(resumeKey) });
  const resume = resumeState.value;
  const resumable =
    resume && (!resume.identityId || resume.identityId === session?.identityId) && resume.meta?.decision
      ? resume
      : null;
  const forgetResume = () => {
    clearBulkResume(resumeKey);
    setResumeState({ key: resumeKey, value: null });
  };

  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r] as const)), [rows]);
  // The selected rows not already handled, and which of them each action applies to.
  const selectedRows = useMemo(
    () => [...selection.selected].map((id) => byId.get(id)).filter((r): r is QueueRow => !!r && !doneIds.has(r.id)),
    [selection.selected, byId, doneIds],
  );
  const decidable = useMemo(() => selectedRows.filter((r) => r.actions.decide), [selectedRows]);
  const completable = useMemo(() => selectedRows.filter((r) => r.actions.complete), [selectedRows]);
  const forwardable = useMemo(() => selectedRows.filter((r) => r.actions.forward), [selectedRows]);

  // Outcomes arrive up to a few per frame during a run of thousands: they are applied together, once per ~frame
  // (each application re-renders the inbox), and still applied if the inbox unmounted meanwhile (at sign in).
  const pendingResults = useRef<BulkResult[]>([]);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { remove } = selection;
  const applyResults = useCallback(() => {
    flushTimer.current = undefined;
    const results = pendingResults.current.filter((r) => !r.cancelled); // not sent: stays selected, no failure
    pendingResults.current = [];
    if (!results.length) return;
    setFailures((prev) => {
      const next = new Map(prev);
      for (const r of results) {
        if (r.ok) next.delete(r.id);
        else next.set(r.id, r.message ?? 'Failed');
      }
      return next;
    });
    const ok = results.filter((r) => r.ok).map((r) => r.id);
    if (ok.length) {
      setDoneIds((prev) => new Set([...prev, ...ok]));
      remove(ok);
    }
  }, [remove]);
  const onItemDone = useCallback(
    (result: BulkResult) => {
      pendingResults.current.push(result);
      flushTimer.current ??= setTimeout(applyResults, 16);
    },
    [applyResults],
  );

  return {
    selection,
    /** Why the last bulk action failed, per work item. */
    failures,
    /** Selected rows not already handled. */
    selectedRows,
    decidable,
    completable,
    /** Selected work items that can be forwarded (what "Forward selected" sends). */
    forwardable,
    bulk,
    resumable,
    resumeKey,
    identityId: session?.identityId,
    start: (decision: BulkAction) => {
      forgetResume();
      const applies = decision === 'complete' ? completable : decidable;
      setBulk({ decision, items: applies.map(target), skipped: selection.selected.size - applies.length });
    },
    resume: () => {
      // read again: requests still in flight when the session ended may have settled since the page mounted
      const latest = readBulkResume<BulkDecisionMeta>(resumeKey) ?? resumable;
      if (!latest) return;
      const items = latest.remaining
        .filter((r) => !doneIds.has(r.id))
        .map((r) => {
          const row = byId.get(r.id);
          return row ? target(row) : { id: r.id, name: r.name, pendingCount: 0 };
        });
      forgetResume();
      if (items.length) setBulk({ decision: latest.meta.decision, items, skipped: 0, autoStart: true });
    },
    dismissResume: forgetResume,
    onItemDone,
    onBulkClose: (results: BulkResult[]) => {
      clearTimeout(flushTimer.current);
      applyResults();
      const ok = results.filter((r) => r.ok).length;
      if (ok > 0 && bulk) {
        const kinds = new Set(bulk.items.map((i) => i.kind));
        const noun = kinds.size > 1 ? 'item' : kinds.has('access-request') ? 'access request' : 'work item';
        notify(`${actionDone(bulk.decision)} ${plural(ok, noun)}`);
      }
      setBulk(null);
    },
  };
}
