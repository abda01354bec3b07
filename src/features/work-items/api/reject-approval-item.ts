// rejectApprovalItem: POST /v3/work-items/{id}/reject/{approvalItemId} — rejects one approval item of a work item.
import { sendJson } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { ListRefresh } from './cache.ts';
import { useApprovalItemDecision, type ApprovalItemDecisionVariables } from './use-approval-item-decision.ts';

export type RejectApprovalItemVariables = ApprovalItemDecisionVariables;

export function rejectApprovalItem({ workItemId, approvalItemId }: RejectApprovalItemVariables) {
  return sendJson<WorkItem>(
    'post',
    `work-items/${encodeURIComponent(workItemId)}/reject/${encodeURIComponent(approvalItemId)}`,
  );
}

/**
 * Shows the approval item as Rejected at once; rolls back when the server refuses. `listRefresh: 'later'` leaves
 * the lists stale instead of refetching them (see ListRefresh).
 */
export function useRejectApprovalItem({ listRefresh = 'now' }: { listRefresh?: ListRefresh } = {}) {
  return useApprovalItemDecision(rejectApprovalItem, 'Rejected', listRefresh);
}
