// The decisions on one work item's approval items, as the detail page and a row expanded in the list live them:
// each goes through the inbox's one rule (`act`: shown at once, held with Undo, then sent; "… all" confirmed first
// when it decides several). What this adds is which decisions are on their way ("Saving…"), and the last failure.
//
// Decisions in flight live in a small store outside React state, read per row (useDecision): a click re-renders
// the one row it decided, in the click's own task, and nothing else — not the section, not the other rows (a
// 5,000-item work item keeps dozens of rows on screen).
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { notifyManager } from '@tanstack/react-query';
import type { ApprovalItemDetails, WorkItem } from '../../../../contract/work-items.ts';
import type { ActOnItem, KindAction } from '../../../lib/kinds/kind.ts';
import { workItemRow } from '../api/queue-row.ts';
import { WORK_ITEM_ACTIONS } from '../actions.ts';
import { approvalItemLabel, pendingApprovalItems, type Decision } from '../rules.ts';

export interface DecisionFailure {
  title: string;
  error: unknown;
  retry: () => void;
}

/** Decisions being sent, by approval item id; subscribers hear about every change. */
export class DecisionStore {
  private readonly decisions = new Map<string, Decision>();
  private readonly listeners = new Set<() => void>();

  get = (id: string | null | undefined): Decision | undefined => (id ? this.decisions.get(id) : undefined);
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

/** The decision being sent for this approval item (undefined: none); re-renders only when it changes. */
export function useDecision(store: DecisionStore, id: string | null | undefined): Decision | undefined {
  return useSyncExternalStore(store.subscribe, () => store.get(id));
}

/** Whether any decision is being sent. */
export function useAnyDecision(store: DecisionStore): boolean {
  return useSyncExternalStore(store.subscribe, store.any);
}

const actionOf = (decision: Decision): KindAction => WORK_ITEM_ACTIONS.find((a) => a.name === decision)!;

export function useApprovalDecisions(item: WorkItem, act: ActOnItem, ownerId: string | undefined) {
  const [store] = useState(() => new DecisionStore());
  const [error, setError] = useState<DecisionFailure | null>(null);
  const pendingCount = pendingApprovalItems(item).length;

  // What the stable callbacks below read: the latest render's values.
  const latest = useRef({ item, act, ownerId });
  useEffect(() => {
    latest.current = { item, act, ownerId };
  });

  // Stable, so memoised rows do not re-render when the section does. The row shows its new state at once (the
  // cache) and stays so through the undo window; "Saving…" only while the request is really on its way.
  const decideOne = useCallback(
    function decide(a: ApprovalItemDetails, decision: Decision) {
      const id = a.id;
      // Synchronous: two clicks in the same tick (before React re-renders the disabled button) send it once.
      if (!id || store.has(id)) return;
      store.set(id, decision);
      setError((e) => (e ? null : e));
      const { item: current, act: perform, ownerId: owner } = latest.current;
      let sending = false;
      const release = () => notifyManager.schedule(() => store.delete(id));
      perform(
        actionOf(decision),
        { id: current.id, name: approvalItemLabel(a), ownerId: owner, subItemIds: [id] },
        {},
        {
          onSending: () => {
            sending = true;
            store.set(id, decision);
          },
          onUndone: release,
          onSent: release,
          onFailed: (e) => {
            release();
            setError({
              title: `${decision === 'approve' ? 'Approving' : 'Rejecting'} ${approvalItemLabel(a)} failed`,
              error: e,
              retry: () => decide(a, decision),
            });
          },
        },
      );
      // Held: the cache shows the decision (the row is no longer pending), so the row drops its busy state.
      notifyManager.schedule(() => {
        if (!sending) store.delete(id);
      });
    },
    [store],
  );

  /** Every pending approval item of the work item (not only those a search shows): asks first when several. */
  const decideAll = (decision: Decision) => {
    setError(null);
    act(
      actionOf(decision),
      { id: item.id, name: item.name || item.id, ownerId, row: workItemRow(item) },
      {},
      {
        onFailed: (e) =>
          setError({
            title: `${decision === 'approve' ? 'Approve' : 'Reject'} all failed`,
            error: e,
            retry: () => decideAll(decision),
          }),
      },
    );
  };

  return { store, pendingCount, error, decideOne, decideAll };
}
