// The inbox's selection and what is done with it: "Approve/Reject selected" (the dialog runs one bulk call per work
// item), the outcome per item (a success leaves the selection and is never sent again, a failure stays selected
// with its reason), and a run the session expired in the middle of, offered again after signing in.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/notify.tsx';
import { plural } from '../../../lib/plural.ts';
import { clearBulkResume, readBulkResume, type BulkResult } from '../../../lib/use-bulk-run.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { useSession } from '../../session/api/session.ts';
import { findCachedWorkItem } from '../api/get-work-item.ts';
import type { BulkDecisionMeta } from '../components/BulkDecisionDialog.tsx';
import { decisionDone, isDecidable, type Decision } from '../rules.ts';
import { usePersistentSelection } from './use-selection.ts';

/** A bulk decision about to run or running: what the dialog gets. */
export interface BulkRun {
  decision: Decision;
  items: WorkItem[];
  /** Selected work items left out (nothing to decide). */
  skipped: number;
  /** Resuming an interrupted run: no second confirmation. */
  autoStart?: boolean;
}

/** `pageItems`: the work items on screen (selected ones elsewhere are found in the cache). */
export function useBulkDecisions(ownerId: string | undefined, pageItems: readonly WorkItem[]) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { data: session } = useSession();
  const selection = usePersistentSelection(`selection.${ownerId ?? 'me'}`);
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const [bulk, setBulk] = useState<BulkRun | null>(null);
  /** Work items a bulk call already succeeded for: never sent again, even if they linger in a stale list. */
  const [doneIds, setDoneIds] = useState<ReadonlySet<string>>(new Set());

  // A bulk decision the session expired in the middle of (kept by useBulkRun): offered again after signing in.
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

  // The selected work items we know (this page, or any cached copy), split into "can be decided" and the rest.
  const byId = new Map(pageItems.map((i) => [i.id, i] as const));
  const known = (id: string) => byId.get(id) ?? findCachedWorkItem(queryClient, id);
  const selectedItems = [...selection.selected].map(known).filter((i): i is WorkItem => !!i);
  const notDone = selectedItems.filter((i) => !doneIds.has(i.id));
  const decidable = notDone.filter(isDecidable);

  const onItemDone = (result: BulkResult) => {
    setFailures((prev) => {
      const next = new Map(prev);
      if (result.ok) next.delete(result.id);
      else next.set(result.id, result.message ?? 'Failed');
      return next;
    });
    if (result.ok) {
      setDoneIds((prev) => new Set(prev).add(result.id));
      selection.remove([result.id]);
    }
  };

  return {
    selection,
    /** Why the last bulk action failed, per work item. */
    failures,
    /** Selected work items not already handled (what "Forward selected" offers). */
    selectedItems: notDone,
    /** Selected work items with something to approve or reject. */
    decidable,
    bulk,
    resumable,
    resumeKey,
    identityId: session?.identityId,
    start: (decision: Decision) => {
      forgetResume();
      setBulk({ decision, items: decidable, skipped: selection.selected.size - decidable.length });
    },
    resume: () => {
      if (!resumable) return;
      const items = resumable.remaining
        .filter((r) => !doneIds.has(r.id))
        .map((r) => known(r.id) ?? ({ id: r.id, name: r.name } as WorkItem));
      forgetResume();
      if (items.length) setBulk({ decision: resumable.meta.decision, items, skipped: 0, autoStart: true });
    },
    dismissResume: forgetResume,
    onItemDone,
    onBulkClose: (results: BulkResult[]) => {
      const ok = results.filter((r) => r.ok).length;
      if (ok > 0 && bulk) notify(`${decisionDone(bulk.decision)} ${plural(ok, 'work item')}`);
      setBulk(null);
    },
  };
}
