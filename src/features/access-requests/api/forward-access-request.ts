// forwardAccessRequest: POST /v3/access-request-approvals/{approvalId}/forward — {newOwnerId, comment}, both
// required (1..255 characters); 202 {}.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ForwardApprovalDto } from '../../../../contract/access-requests.ts';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import { settleAccessRequests } from './cache.ts';

/** The spec's limit on a forward comment (the work items allow 4,000). */
export const ACCESS_REQUEST_FORWARD_COMMENT_MAX = 255;

export interface ForwardAccessRequestVariables extends ForwardApprovalDto {
  approvalId: string;
}

export function forwardAccessRequest({ approvalId, newOwnerId, comment }: ForwardAccessRequestVariables) {
  const body: ForwardApprovalDto = { newOwnerId, comment: comment.trim() };
  return sendJson<unknown>('post', `access-request-approvals/${encodeURIComponent(approvalId)}/forward`, body);
}

export function useForwardAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, ForwardAccessRequestVariables>({
    mutationFn: forwardAccessRequest,
    onSuccess: (_answer, { approvalId }) => settleAccessRequests(queryClient, [approvalId]),
  });
}
