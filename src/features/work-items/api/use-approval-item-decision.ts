// One approval item's decision as the page lives it, for approve and reject alike: shown at once, rolled back when
// the server refuses, then the answer written and the owner's lists refreshed as asked.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../lib/http.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import {
  rollbackApprovalItem,
  setApprovalItemState,
  settleDecision,
  type ApprovalDecisionContext,
  type ListRefresh,
} from './cache.ts';

export interface ApprovalItemDecisionVariables {
  workItemId: string;
  approvalItemId: string;
}

export function useApprovalItemDecision(
  send: (variables: ApprovalItemDecisionVariables) => Promise<WorkItem>,
  shownState: 'Finished' | 'Rejected',
  listRefresh: ListRefresh,
) {
  const queryClient = useQueryClient();
  return useMutation<WorkItem, ApiError, ApprovalItemDecisionVariables, ApprovalDecisionContext>({
    mutationFn: send,
    onMutate: ({ workItemId, approvalItemId }) =>
      setApprovalItemState(queryClient, workItemId, approvalItemId, shownState),
    onError: (_error, { workItemId }, context) => rollbackApprovalItem(queryClient, workItemId, context),
    onSuccess: (item, { workItemId }, context) =>
      settleDecision(queryClient, workItemId, item, context?.ownerId, listRefresh),
  });
}
