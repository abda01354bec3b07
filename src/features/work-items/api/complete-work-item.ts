// completeWorkItem: POST /v3/work-items/{id} — marks a work item done.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { settleDecision } from './cache.ts';

export interface CompleteWorkItemVariables {
  workItemId: string;
}

export function completeWorkItem({ workItemId }: CompleteWorkItemVariables) {
  return sendJson<WorkItem>('post', `work-items/${encodeURIComponent(workItemId)}`);
}

export function useCompleteWorkItem() {
  const queryClient = useQueryClient();
  return useMutation<WorkItem, ApiError, CompleteWorkItemVariables>({
    mutationFn: completeWorkItem,
    onSuccess: (item, { workItemId }) => settleDecision(queryClient, workItemId, item),
  });
}
