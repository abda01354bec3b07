// rejectAccessRequest: POST /v3/access-request-approvals/{approvalId}/reject — a comment (required when the
// approval has commentRequiredWhenRejected); 202 {}.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommentDto } from '../../../../contract/access-requests.ts';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import type { AccessRequestDecisionVariables } from './approve-access-request.ts';
import { settleAccessRequests } from './cache.ts';

export function rejectAccessRequest({ approvalId, comment }: AccessRequestDecisionVariables) {
  // the spec's reject body is required: an empty comment object when none is given
  const body: CommentDto = comment?.trim() ? { comment: comment.trim() } : {};
  return sendJson<unknown>('post', `access-request-approvals/${encodeURIComponent(approvalId)}/reject`, body);
}

export function useRejectAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, AccessRequestDecisionVariables>({
    mutationFn: rejectAccessRequest,
    onSuccess: (_answer, { approvalId }) => settleAccessRequests(queryClient, [approvalId]),
  });
}
