// approveApprovalItem: POST /v3/work-items/{id}/approve/{approvalItemId} — approves one approval item of a work item.
import { sendJson } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { ListRefresh } from './cache.ts';
import { useApprovalItemDecision, type ApprovalItemDecisionVariables } from './use-approval-item-decision.ts';

export type ApproveApprovalItemVariables = ApprovalItemDecisionVariables;

export function approveApprovalItem({ workItemId, approvalItemId }: ApproveApprovalItemVariables) {
  return sendJson<WorkItem>(
    'post',
    `work-items/${encodeURIComponent(workItemId)}/approve/${encodeURIComponent(approvalItemId)}`,
  );
}

/**
 * Shows the approval item as Finished at once; rolls back when the server refuses. `listRefresh: 'later'` leaves
 * the lists stale instead of refetching them (see ListRefresh).
 */
export function useApproveApprovalItem({ listRefresh = 'now' }: { listRefresh?: ListRefresh } = {}) {
  return useApprovalItemDecision(approveApprovalItem, 'Finished', listRefresh);
}
