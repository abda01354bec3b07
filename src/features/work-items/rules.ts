// The work-item rules, in one place: what state a work item is in and what may be done with it. Pages and
// components ask these instead of reading `state`/`completed` themselves.
import type { ApprovalItemDetails, WorkItem } from '../../../contract/work-items.ts';

/** Pending (not completed): `state` when the server gives one, else "has no completion date". */
export function isOpen(item: Pick<WorkItem, 'state' | 'completed'>): boolean {
  return item.state ? item.state === 'Pending' : !item.completed;
}

/** An approval item still waiting for a decision (state Pending or not given). */
export function isPendingApprovalItem(a: ApprovalItemDetails): boolean {
  return !a.state || a.state === 'Pending';
}

/** The approval items of a work item that wait for a decision. */
export function pendingApprovalItems(item: WorkItem | undefined): ApprovalItemDetails[] {
  return (item?.approvalItems ?? []).filter((a): a is ApprovalItemDetails => !!a && isPendingApprovalItem(a));
}

/** Approve/reject (one by one, all, or from a selection): an open item with pending approval items. */
export function isDecidable(item: WorkItem): boolean {
  return isOpen(item) && pendingApprovalItems(item).length > 0;
}

/** "Mark complete": an open item with nothing else to answer (no form, no pending approval item). */
export function isCompletable(item: WorkItem): boolean {
  return isOpen(item) && !item.form && pendingApprovalItems(item).length === 0;
}

/** Only open work items can be handed to someone else: a completed one is read-only. */
export function isForwardable(item: Pick<WorkItem, 'state' | 'completed'>): boolean {
  return isOpen(item);
}

/** "Access request approval" style label for a work item's type. */
export function typeLabel(type: string | null | undefined): string {
  if (!type) return '—';
  if (type === 'PolicyVioloation') return 'Policy violation';
  return type.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** "Active Directory: memberOf" — how an approval item is named on its buttons and in messages. */
export function approvalItemLabel(a: ApprovalItemDetails): string {
  return `${a.application || 'Unknown application'}: ${a.name || a.value || a.id || 'item'}`;
}

/** A decision on approval items: approve or reject. */
export type Decision = 'approve' | 'reject';

/** "Approve" / "Reject". */
export const decisionVerb = (decision: Decision) => (decision === 'approve' ? 'Approve' : 'Reject');

/** "Approve all" / "Reject all" (and per approval item): the buttons, named by their action. */
export const decisionButtons = [
  { name: 'approve', label: 'Approve', tone: 'success' },
  { name: 'reject', label: 'Reject', tone: 'error' },
] as const;

/**
 * How an approval item's state reads. ISC calls an approved item "Finished"; people read "Approved". The state
 * name itself stays on hover and in the CSV export.
 */
export function approvalItemStateLabel(state: string | null | undefined): string {
  if (!state || state === 'Pending') return 'Pending';
  return state === 'Finished' ? 'Approved' : state;
}

/**
 * How a work item's state reads: for a decided approval, what the decisions were ("Approved", "Rejected",
 * "Partly approved" — ISC says "Finished" for all three once any item was approved); "Completed" for a finished
 * task or form; otherwise ISC's own state name.
 */
export function workItemStateLabel(
  state: string | null | undefined,
  decisions: { approved: number; rejected: number },
): string {
  if (!state) return 'Unknown';
  if (state !== 'Finished' && state !== 'Rejected') return state;
  const { approved, rejected } = decisions;
  if (approved > 0 && rejected > 0) return 'Partly approved';
  if (approved > 0) return 'Approved';
  if (rejected > 0) return 'Rejected';
  return state === 'Finished' ? 'Completed' : 'Rejected';
}

/** The decisions taken on a work item's approval items. */
export function approvalDecisions(items: readonly (ApprovalItemDetails | null | undefined)[] | null | undefined) {
  let approved = 0;
  let rejected = 0;
  for (const a of items ?? []) {
    if (a?.state === 'Finished') approved += 1;
    else if (a?.state === 'Rejected') rejected += 1;
  }
  return { approved, rejected };
}
