// approveApprovalItemsInBulk: POST /v3/work-items/bulk-approve/{id} — approves every approval item of a work item.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { settleDecision } from './cache.ts';

export interface ApproveApprovalItemsInBulkVariables {
  workItemId: string;
}

export function approveApprovalItemsInBulk({ workItemId }: ApproveApprovalItemsInBulkVariables) {
  return sendJson<WorkItem>('post', `work-items/bulk-approve/${encodeURIComponent(workItemId)}`);
}

export function useApproveApprovalItemsInBulk() {
  const queryClient = useQueryClient();
  return useMutation<WorkItem, ApiError, ApproveApprovalItemsInBulkVariables>({
    mutationFn: approveApprovalItemsInBulk,
    onSuccess: (item, { workItemId }) => settleDecision(queryClient, workItemId, item),
  });
}
