// The decision state of one work item's approval items: which decisions are in flight, the "Approve all" /
// "Reject all" confirmation, and the last failure with its retry. The section's rows and buttons only render it.
//
// Decisions in flight live in a small store outside React state, read per row (useDecision): a click re-renders
// the one row it decided, in the click's own task, and nothing else — not the section, not the other rows (a
// 5,000-item work item keeps dozens of rows on screen). The lists are left stale per decision and refreshed after
// a quiet moment (or when the page is left: stale lists refetch when shown).
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { notifyManager, useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/notify.tsx';
import { plural } from '../../../lib/plural.ts';
import type { ApprovalItemDetails, WorkItem } from '../../../../contract/work-items.ts';
import { useApproveApprovalItem } from '../api/approve-approval-item.ts';
import { useApproveApprovalItemsInBulk } from '../api/approve-approval-items-in-bulk.ts';
import { invalidateOwner } from '../api/cache.ts';
import { useRejectApprovalItem } from '../api/reject-approval-item.ts';
import { useRejectApprovalItemsInBulk } from '../api/reject-approval-items-in-bulk.ts';
import { approvalItemLabel, decisionDone, decisionVerb, pendingApprovalItems, type Decision } from '../rules.ts';

/** The key of "Approve all"/"Reject all" among the decisions in flight. */
const ALL = '\u0000all';

/** After the last single decision, this long without another before the lists refetch. */
export const QUIET_MS = 2_000;

export interface DecisionFailure {
  title: string;
  error: unknown;
  retry: () => void;
}

/** Decisions being saved, by approval item id; subscribers hear about every change. */
export class DecisionStore {
  private readonly decisions = new Map<string, Decision>();
  private readonly listeners = new Set<() => void>();

  get = (id: string | null | undefined): Decision | undefined => (id ? this.decisions.get(id) : undefined);
  /** Whether any decision (single or "… all") is being saved. */
  any = (): boolean => this.decisions.size > 0;
  has = (id: string): boolean => this.decisions.has(id);
  set(id: string, decision: Decision) {
    this.decisions.set(id, decision);
    this.emit();
  }
  delete(id: string) {
    if (this.decisions.delete(id)) this.emit();
  }
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
  private emit() {
    this.listeners.forEach((l) => l());
  }
}

/** The decision being saved for this approval item (undefined: none); re-renders only when it changes. */
export function useDecision(store: DecisionStore, id: string | null | undefined): Decision | undefined {
  return useSyncExternalStore(store.subscribe, () => store.get(id));
}

/** Whether any decision is being saved. */
export function useAnyDecision(store: DecisionStore): boolean {
  return useSyncExternalStore(store.subscribe, store.any);
}

export function useApprovalDecisions(item: WorkItem) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const approveOne = useApproveApprovalItem({ listRefresh: 'later' });
  const rejectOne = useRejectApprovalItem({ listRefresh: 'later' });
  const approveAll = useApproveApprovalItemsInBulk();
  const rejectAll = useRejectApprovalItemsInBulk();
  const [store] = useState(() => new DecisionStore());
  const [confirm, setConfirm] = useState<Decision | null>(null);
  const [error, setError] = useState<DecisionFailure | null>(null);
  const pendingCount = pendingApprovalItems(item).length;
  const bulkRunning = approveAll.isPending || rejectAll.isPending;

  // What the stable callbacks below read: the latest render's values.
  const latest = useRef({ item, approveOne, rejectOne, notify });
  useEffect(() => {
    latest.current = { item, approveOne, rejectOne, notify };
  });

  const quiet = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshListsSoon = useCallback(
    (ownerId: string | null | undefined) => {
      clearTimeout(quiet.current);
      quiet.current = setTimeout(() => {
        if (!store.any()) void invalidateOwner(queryClient, ownerId);
      }, QUIET_MS);
    },
    [queryClient, store],
  );
  // Leaving the page: the lists were marked stale, so they refetch when shown.
  useEffect(() => () => clearTimeout(quiet.current), []);

  // Stable, so memoised rows do not re-render when the section does.
  const decideOne = useCallback(
    function decide(a: ApprovalItemDetails, decision: Decision) {
      const id = a.id;
      // Synchronous: two clicks in the same tick (before React re-renders the disabled button) send it once.
      if (!id || store.has(id) || store.has(ALL)) return;
      store.set(id, decision);
      setError((e) => (e ? null : e));
      const { item: current, approveOne: approve, rejectOne: reject } = latest.current;
      const mutation = decision === 'approve' ? approve : reject;
      mutation.mutate(
        { workItemId: current.id, approvalItemId: id },
        {
          onSuccess: () => {
            latest.current.notify(`${decisionDone(decision)} ${approvalItemLabel(a)}`);
            refreshListsSoon(current.ownerId);
          },
          onError: (e) =>
            setError({
              title: `${decision === 'approve' ? 'Approving' : 'Rejecting'} ${approvalItemLabel(a)} failed`,
              error: e,
              retry: () => decide(a, decision),
            }),
          // In the same flush as the cache's answer (or rollback): the row never shows a stale state between.
          onSettled: () => notifyManager.schedule(() => store.delete(id)),
        },
      );
    },
    [store, refreshListsSoon],
  );

  /** Every pending approval item of the work item (not only the ones a search shows); after `ask` confirmed. */
  const decideAll = (decision: Decision) => {
    if (store.any()) return;
    store.set(ALL, decision);
    setError(null);
    const mutation = decision === 'approve' ? approveAll : rejectAll;
    mutation.mutate(
      { workItemId: item.id },
      {
        onSuccess: () => {
          setConfirm(null);
          notify(`${decisionDone(decision)} ${plural(pendingCount, 'approval item')}`);
        },
        onError: (e) => {
          setConfirm(null);
          setError({ title: `${decisionVerb(decision)} all failed`, error: e, retry: () => setConfirm(decision) });
        },
        onSettled: () => store.delete(ALL),
      },
    );
  };

  return {
    /** Decisions being saved (read per row with useDecision). */
    store,
    /** "Approve all"/"Reject all" is being saved. */
    bulkRunning,
    pendingCount,
    /** The decision whose "… all" waits for a confirmation. */
    confirm,
    ask: setConfirm,
    cancel: useCallback(() => setConfirm(null), []),
    error,
    decideOne,
    decideAll,
  };
}
