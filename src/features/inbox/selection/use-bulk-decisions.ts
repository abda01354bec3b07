// The inbox's selection and what is done with it: "Select all N matching", then the kinds' decisions (Approve,
// Reject, Mark complete — the dialog runs one request per item, or per matched sub-item, through the paced runner)
// or a handover (Forward); the outcome per row (a success leaves the selection and is never sent again, a failure
// stays selected with its reason, a cancelled one stays selected), and a run the session expired in the middle of,
// offered again after signing in.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNotify } from '../../../components/notify.tsx';
import { clearBulkResume, readBulkResume, type BulkResult } from '../../../lib/bulk-resume.ts';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { KindAction } from '../../../lib/kinds/kind.ts';
import { count, itemNouns } from '../../../lib/kinds/words.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { useSession } from '../../../lib/session/session.ts';
import { targetsOfSteps, type BulkTarget } from './resume-targets.ts';
import type { BulkDecisionMeta } from './BulkDecisionDialog.tsx';
import { usePersistentSelection } from './use-selection.ts';

/** A bulk action about to run or running: what the dialog gets. */
export interface BulkRun {
  action: string;
  targets: BulkTarget[];
  /** Selected rows left out (the action does not apply to them). */
  skipped: number;
  /** Resuming an interrupted run: no second confirmation, the comment it had. */
  autoStart?: { comment?: string };
}

/** An action of the selection bar: one per name across the kinds ("Approve" decides work items and access requests). */
export interface SelectionAction {
  action: KindAction;
  /** The selected rows it applies to. */
  rows: QueueRow[];
}

/** `rows`: every row of the owner's queue (a selected id that is not among them is counted, but not acted on). */
export function useBulkDecisions(ownerId: string | undefined, rows: readonly QueueRow[]) {
  const kinds = useKinds();
  const notify = useNotify();
  const { data: session } = useSession();
  const selection = usePersistentSelection(`selection.${ownerId ?? 'me'}`);
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const [bulk, setBulk] = useState<BulkRun | null>(null);
  /** Rows a bulk call already succeeded for: never sent again, even if they linger in a stale list. */
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
    resume && (!resume.identityId || resume.identityId === session?.identityId) && resume.meta?.action ? resume : null;
  const forgetResume = () => {
    clearBulkResume(resumeKey);
    setResumeState({ key: resumeKey, value: null });
  };

  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r] as const)), [rows]);
  const selectedRows = useMemo(
    () => [...selection.selected].map((id) => byId.get(id)).filter((r): r is QueueRow => !!r && !doneIds.has(r.id)),
    [selection.selected, byId, doneIds],
  );
  // Each action name once, in the kinds' order; the selected rows whose kind has it and to which it applies.
  const actions = useMemo(() => {
    const out = new Map<string, SelectionAction>();
    for (const kind of kinds) {
      for (const action of kind.actions) {
        const entry = out.get(action.name) ?? { action, rows: [] };
        for (const r of selectedRows) if (r.kind === kind.name && action.available(r) === true) entry.rows.push(r);
        out.set(action.name, entry);
      }
    }
    return [...out.values()];
  }, [kinds, selectedRows]);

  const target = useCallback(
    (r: QueueRow): BulkTarget => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      pendingCount: r.pendingCount,
      ownerId: r.ownerId,
      subItemIds: selection.scopeOf(r.id),
      row: r,
    }),
    [selection],
  );

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
    /** Why the last bulk action failed, per row. */
    failures,
    selectedRows,
    /** Every action of the registered kinds, with the selected rows it applies to. */
    actions,
    /** The targets of an action (its rows, each with the sub-items it was selected with). */
    targetsOf: (entry: SelectionAction) => entry.rows.map(target),
    bulk,
    resumable,
    resumeKey,
    identityId: session?.identityId,
    start: (actionName: string) => {
      forgetResume();
      const entry = actions.find((a) => a.action.name === actionName);
      if (!entry) return;
      setBulk({
        action: actionName,
        targets: entry.rows.map(target),
        skipped: selection.selected.size - entry.rows.length,
      });
    },
    resume: () => {
      // read again: requests still in flight when the session ended may have settled since the page mounted
      const latest = readBulkResume<BulkDecisionMeta>(resumeKey) ?? resumable;
      if (!latest) return;
      const targets = targetsOfSteps(
        latest.remaining.filter((r) => !doneIds.has(r.id.split('|')[0])),
        (id) => {
          const row = byId.get(id);
          return row ? target(row) : undefined;
        },
      );
      forgetResume();
      if (targets.length) {
        setBulk({ action: latest.meta.action, targets, skipped: 0, autoStart: { comment: latest.meta.comment } });
      }
    },
    dismissResume: forgetResume,
    onItemDone,
    onBulkClose: (results: BulkResult[]) => {
      clearTimeout(flushTimer.current);
      applyResults();
      const ok = results.filter((r) => r.ok).length;
      if (ok > 0 && bulk) {
        const action = actions.find((a) => a.action.name === bulk.action)?.action;
        const used = kinds.filter((k) => bulk.targets.some((t) => t.kind === k.name));
        if (action) notify(`${action.done} ${count(ok, itemNouns(used))}`);
      }
      setBulk(null);
    },
  };
}
