// approveApprovalItem: POST /v3/work-items/{id}/approve/{approvalItemId} — approves one approval item of a work item.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import {
  rollbackApprovalItem,
  setApprovalItemState,
  settleDecision,
  type ApprovalDecisionContext,
  type ListRefresh,
} from './cache.ts';

export interface ApproveApprovalItemVariables {
  workItemId: string;
  approvalItemId: string;
}

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
  const queryClient = useQueryClient();
  return useMutation<WorkItem, ApiError, ApproveApprovalItemVariables, ApprovalDecisionContext>({
    mutationFn: approveApprovalItem,
    onMutate: ({ workItemId, approvalItemId }) =>
      setApprovalItemState(queryClient, workItemId, approvalItemId, 'Finished'),
    onError: (_error, { workItemId }, context) => rollbackApprovalItem(queryClient, workItemId, context),
    onSuccess: (item, { workItemId }, context) =>
      settleDecision(queryClient, workItemId, item, context?.ownerId, listRefresh),
  });
}
