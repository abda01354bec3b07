// approveAccessRequest: POST /v3/access-request-approvals/{approvalId}/approve — optional comment; 202 {}.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommentDto } from '../../../../contract/access-requests.ts';
import { sendJson, type ApiError } from '../../../lib/http.ts';
import { settleAccessRequests } from './cache.ts';

export interface AccessRequestDecisionVariables {
  approvalId: string;
  comment?: string;
}

export function approveAccessRequest({ approvalId, comment }: AccessRequestDecisionVariables) {
  const body: CommentDto | undefined = comment?.trim() ? { comment: comment.trim() } : undefined;
  return sendJson<unknown>('post', `access-request-approvals/${encodeURIComponent(approvalId)}/approve`, body);
}

export function useApproveAccessRequest() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, AccessRequestDecisionVariables>({
    mutationFn: approveAccessRequest,
    onSuccess: (_answer, { approvalId }) => settleAccessRequests(queryClient, [approvalId]),
  });
}
