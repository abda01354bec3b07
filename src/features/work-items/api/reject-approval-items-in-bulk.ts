// rejectApprovalItemsInBulk: POST /v3/work-items/bulk-reject/{id} — rejects every approval item of a work item.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { settleDecision } from './cache.ts';

export interface RejectApprovalItemsInBulkVariables {
  workItemId: string;
}

export function rejectApprovalItemsInBulk({ workItemId }: RejectApprovalItemsInBulkVariables) {
  return sendJson<WorkItem>('post', `work-items/bulk-reject/${encodeURIComponent(workItemId)}`);
}

export function useRejectApprovalItemsInBulk() {
  const queryClient = useQueryClient();
  return useMutation<WorkItem, ApiError, RejectApprovalItemsInBulkVariables>({
    mutationFn: rejectApprovalItemsInBulk,
    onSuccess: (item, { workItemId }) => settleDecision(queryClient, workItemId, item),
  });
}
