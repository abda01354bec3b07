// One rule for the irreversible single actions (approve or reject one approval item, mark a work item complete):
// they take effect on screen at once and the toast offers Undo while the request is held back (src/lib/held.ts).
// Undo within the wait means the server never heard of it; after the wait, or when the page closes, it is sent.
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../../components/notify.tsx';
import { hold, type HeldHandle } from '../../../lib/held.ts';
import { useApproveApprovalItem } from '../api/approve-approval-item.ts';
import { setApprovalItemState, type ListRefresh } from '../api/cache.ts';
import { useCompleteWorkItem } from '../api/complete-work-item.ts';
import { useRejectApprovalItem } from '../api/reject-approval-item.ts';
import { decisionDone, type Decision } from '../rules.ts';

/** The latest held action's undo (the `z` shortcut presses the toast's Undo). */
let lastUndo: (() => boolean) | null = null;

/** Undoes the latest held action if it has not been sent; false when there was nothing to undo. */
export function undoLatest(): boolean {
  const undo = lastUndo;
  lastUndo = null;
  return undo ? undo() : false;
}

export interface HeldOutcome {
  /** Resolves once the server accepted it; rejects with the server's refusal; never settles when undone. */
  sent: Promise<unknown>;
}

export interface HeldDecisionOptions {
  /** The decision was undone before it was sent. */
  onUndone?: () => void;
  /** The wait is over: the request is on its way now. */
  onSending?: () => void;
}

/** `listRefresh: 'later'` (the detail page): a decision leaves the lists stale instead of refetching them. */
export function useHeldActions({ listRefresh = 'now' }: { listRefresh?: ListRefresh } = {}) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  // mutateAsync, not mutate(…, { onSettled }): per-call callbacks run only for the latest call of a useMutation, so
  // two quick decisions would lose the first one's. The hooks' own (mutation-level) callbacks run for every call.
  const approve = useApproveApprovalItem({ listRefresh }).mutateAsync;
  const reject = useRejectApprovalItem({ listRefresh }).mutateAsync;
  const complete = useCompleteWorkItem().mutateAsync;

  const offerUndo = useCallback(
    (message: string, handle: HeldHandle, onUndone: () => void) => {
      const undo = () => {
        if (!handle.cancel()) return false;
        onUndone();
        notify(`Undone: ${message.charAt(0).toLowerCase()}${message.slice(1)}. Nothing was sent.`, 'info');
        return true;
      };
      lastUndo = undo;
      const close = notify(message, 'success', { action: { label: 'Undo', onClick: undo } });
      const done = () => {
        close();
        if (lastUndo === undo) lastUndo = null;
      };
      handle.sent.then(done, done);
    },
    [notify],
  );

  /** One approval item approved or rejected: shown at once, sent after the undo window. */
  const decide = useCallback(
    (
      workItemId: string,
      approvalItemId: string,
      decision: Decision,
      label: string,
      { onUndone = () => {}, onSending = () => {} }: HeldDecisionOptions = {},
    ): HeldOutcome => {
      void setApprovalItemState(
        queryClient,
        workItemId,
        approvalItemId,
        decision === 'approve' ? 'Finished' : 'Rejected',
      );
      const vars = { workItemId, approvalItemId };
      const handle = hold({
        path: `work-items/${encodeURIComponent(workItemId)}/${decision}/${encodeURIComponent(approvalItemId)}`,
        send: () => {
          onSending();
          return decision === 'approve' ? approve(vars) : reject(vars);
        },
      });
      const back = () => void setApprovalItemState(queryClient, workItemId, approvalItemId, 'Pending');
      handle.sent.catch(back);
      offerUndo(`${decisionDone(decision)} ${label}`, handle, () => {
        back();
        onUndone();
      });
      return { sent: handle.sent };
    },
    [queryClient, approve, reject, offerUndo],
  );

  /** "Mark complete": sent after the undo window. */
  const markComplete = useCallback(
    (workItemId: string, name: string, onUndone: () => void = () => {}): HeldOutcome => {
      const handle = hold({
        path: `work-items/${encodeURIComponent(workItemId)}`,
        send: () => complete({ workItemId }),
      });
      offerUndo(`Marked “${name}” complete`, handle, onUndone);
      return { sent: handle.sent };
    },
    [complete, offerUndo],
  );

  return { decide, markComplete };
}
