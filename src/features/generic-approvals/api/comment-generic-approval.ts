// postApprovalComments: POST /v2025/generic-approvals/{id}/comments — {comment}; 200 with the approval, written
// into the detail's cache (the thread shows the new comment from the answer, no refetch).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Approval, ApprovalCommentsRequest } from '../../../../contract/generic-approvals.ts';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import { approvalPath } from './approve-generic-approval.ts';
import type { GenericApprovalDetail } from './get-generic-approval.ts';
import { genericApprovalKeys } from './keys.ts';

export function commentOnGenericApproval({ approvalId, comment }: { approvalId: string; comment: string }) {
  const body: ApprovalCommentsRequest = { comment: comment.trim() };
  return sendJson<Approval>('post', approvalPath(approvalId, 'comments'), body, { base: 'root' });
}

export function useCommentOnGenericApproval(approvalId: string) {
  const queryClient = useQueryClient();
  return useMutation<Approval, ApiError, string>({
    mutationFn: (comment) => commentOnGenericApproval({ approvalId, comment }),
    onSuccess: async (approval) => {
      const key = genericApprovalKeys.detail(approvalId);
      if (approval && typeof approval.id === 'string' && approval.comments) {
        const found: GenericApprovalDetail = { status: 'found', approval };
        queryClient.setQueryData<GenericApprovalDetail>(key, found);
      } else {
        await queryClient.invalidateQueries({ queryKey: key });
      }
      // the history's "last comment" column reads it again when next shown
      await queryClient.invalidateQueries({ queryKey: genericApprovalKeys.owners(), refetchType: 'none' });
    },
  });
}
