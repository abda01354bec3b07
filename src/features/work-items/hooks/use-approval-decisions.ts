// The decision state of one work item's approval items: which decisions are in flight, the "Approve all" /
// "Reject all" confirmation, and the last failure with its retry. The section's rows and buttons only render it.
import { useRef, useState } from 'react';
import { useNotify } from '../../../components/notify.tsx';
import { flushHeld } from '../../../lib/held.ts';
import { plural } from '../../../lib/plural.ts';
import type { ApprovalItemDetails, WorkItem } from '../../../../contract/work-items.ts';
import { useApproveApprovalItemsInBulk } from '../api/approve-approval-items-in-bulk.ts';
import { useRejectApprovalItemsInBulk } from '../api/reject-approval-items-in-bulk.ts';
import { useHeldActions } from './use-held-actions.ts';
import { approvalItemLabel, decisionDone, decisionVerb, pendingApprovalItems, type Decision } from '../rules.ts';

/** The key of "Approve all"/"Reject all" among the decisions in flight. */
const ALL = '\u0000all';

export interface DecisionFailure {
  title: string;
  error: unknown;
  retry: () => void;
}

export function useApprovalDecisions(item: WorkItem) {
  const notify = useNotify();
  const held = useHeldActions();
  const approveAll = useApproveApprovalItemsInBulk();
  const rejectAll = useRejectApprovalItemsInBulk();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [confirm, setConfirm] = useState<Decision | null>(null);
  const [error, setError] = useState<DecisionFailure | null>(null);
  // Decisions in flight, updated synchronously: two clicks in the same tick (before React re-renders the
  // disabled button) must not send the decision twice.
  const inFlight = useRef(new Set<string>());
  const pendingCount = pendingApprovalItems(item).length;
  const bulkRunning = approveAll.isPending || rejectAll.isPending;

  const decideOne = (a: ApprovalItemDetails, decision: Decision) => {
    const id = a.id;
    if (!id || inFlight.current.has(id) || inFlight.current.has(ALL)) return;
    inFlight.current.add(id);
    setError(null);
    const settled = () => {
      inFlight.current.delete(id);
      setBusy((s) => {
        if (!s.has(id)) return s;
        const next = new Set(s);
        next.delete(id);
        return next;
      });
    };
    // shown as decided at once (the undo window); "Saving…" only once the request is really on its way
    const { sent } = held.decide(item.id, id, decision, approvalItemLabel(a), settled);
    sent.then(settled, (e: unknown) => {
      settled();
      setError({
        title: `${decision === 'approve' ? 'Approving' : 'Rejecting'} ${approvalItemLabel(a)} failed`,
        error: e,
        retry: () => decideOne(a, decision),
      });
    });
  };

  /**
   * Every pending approval item of the work item (not only the ones a search shows); after `ask` confirmed. Sent at
   * once, not held: the confirmation naming the count is its guard, and the whole work item leaves the queue.
   */
  const decideAll = (decision: Decision) => {
    if (inFlight.current.size > 0) return;
    inFlight.current.add(ALL);
    setError(null);
    flushHeld();
    const mutation = decision === 'approve' ? approveAll : rejectAll;
    mutation
      .mutateAsync({ workItemId: item.id })
      .then(
        () => {
          setConfirm(null);
          notify(`${decisionDone(decision)} ${plural(pendingCount, 'approval item')}`);
        },
        (e: unknown) => {
          setConfirm(null);
          setError({ title: `${decisionVerb(decision)} all failed`, error: e, retry: () => setConfirm(decision) });
        },
      )
      .finally(() => inFlight.current.delete(ALL));
  };

  return {
    /** Approval item ids whose decision is being saved. */
    busy,
    /** "Approve all"/"Reject all" is being saved. */
    bulkRunning,
    pendingCount,
    /** The decision whose "… all" waits for a confirmation. */
    confirm,
    ask: (decision: Decision) => setConfirm(decision),
    cancel: () => setConfirm(null),
    error,
    decideOne,
    decideAll,
  };
}
