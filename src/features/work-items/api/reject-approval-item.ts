// rejectApprovalItem: POST /v3/work-items/{id}/reject/{approvalItemId} — rejects one approval item of a work item.
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

export interface RejectApprovalItemVariables {
  workItemId: string;
  approvalItemId: string;
}

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
  const queryClient = useQueryClient();
  return useMutation<WorkItem, ApiError, RejectApprovalItemVariables, ApprovalDecisionContext>({
    mutationFn: rejectApprovalItem,
    onMutate: ({ workItemId, approvalItemId }) =>
      setApprovalItemState(queryClient, workItemId, approvalItemId, 'Rejected'),
    onError: (_error, { workItemId }, context) => rollbackApprovalItem(queryClient, workItemId, context),
    onSuccess: (item, { workItemId }, context) =>
      settleDecision(queryClient, workItemId, item, context?.ownerId, listRefresh),
  });
}
