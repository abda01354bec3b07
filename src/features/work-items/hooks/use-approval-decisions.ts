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
import { flushHeld } from '../../../lib/held.ts';
import { plural } from '../../../lib/plural.ts';
import type { ApprovalItemDetails, WorkItem } from '../../../../contract/work-items.ts';
import { useApproveApprovalItemsInBulk } from '../api/approve-approval-items-in-bulk.ts';
import { invalidateOwner } from '../api/cache.ts';
import { useRejectApprovalItemsInBulk } from '../api/reject-approval-items-in-bulk.ts';
import { useHeldActions } from './use-held-actions.ts';
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
  const held = useHeldActions({ listRefresh: 'later' });
  const approveAll = useApproveApprovalItemsInBulk();
  const rejectAll = useRejectApprovalItemsInBulk();
  const [store] = useState(() => new DecisionStore());
  const [confirm, setConfirm] = useState<Decision | null>(null);
  const [error, setError] = useState<DecisionFailure | null>(null);
  const pendingCount = pendingApprovalItems(item).length;
  const bulkRunning = approveAll.isPending || rejectAll.isPending;

  // What the stable callbacks below read: the latest render's values.
  const latest = useRef({ item, held });
  useEffect(() => {
    latest.current = { item, held };
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

  // Stable, so memoised rows do not re-render when the section does. The row shows its new state at once (the
  // store, read by that row alone) and stays so through the undo window (the cache); "Saving…" only while the
  // request is really on its way.
  const decideOne = useCallback(
    function decide(a: ApprovalItemDetails, decision: Decision) {
      const id = a.id;
      // Synchronous: two clicks in the same tick (before React re-renders the disabled button) send it once.
      if (!id || store.has(id) || store.has(ALL)) return;
      store.set(id, decision);
      setError((e) => (e ? null : e));
      const { item: current, held: actions } = latest.current;
      let sending = false;
      const release = () => notifyManager.schedule(() => store.delete(id));
      const { sent } = actions.decide(current.id, id, decision, approvalItemLabel(a), {
        onUndone: release,
        onSending: () => {
          sending = true;
          store.set(id, decision);
        },
      });
      // Held: the cache shows the decision (the row is no longer pending), so the row drops its busy state.
      notifyManager.schedule(() => {
        if (!sending) store.delete(id);
      });
      sent.then(
        () => {
          release();
          refreshListsSoon(current.ownerId);
        },
        (e: unknown) => {
          release();
          setError({
            title: `${decision === 'approve' ? 'Approving' : 'Rejecting'} ${approvalItemLabel(a)} failed`,
            error: e,
            retry: () => decide(a, decision),
          });
        },
      );
    },
    [store, refreshListsSoon],
  );

  /**
   * Every pending approval item of the work item (not only the ones a search shows); after `ask` confirmed. Sent at
   * once, not held: the confirmation naming the count is its guard, and the whole work item leaves the queue.
   */
  const decideAll = (decision: Decision) => {
    if (store.any()) return;
    store.set(ALL, decision);
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
      .finally(() => store.delete(ALL));
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
