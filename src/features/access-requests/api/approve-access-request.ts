// approveAccessRequest: POST /v3/access-request-approvals/{approvalId}/approve — optional comment; 202 {}.
import type { CommentDto } from '../../../../contract/access-requests.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { ACCESS_REQUEST_KIND } from './queue-row.ts';

export interface AccessRequestDecisionVariables {
  approvalId: string;
  comment?: string;
}

/** The request as plain data (the inbox holds it for Undo, then sends it). */
export function approveAccessRequestRequest(
  { approvalId, comment }: AccessRequestDecisionVariables,
  name: string,
): HeldRequest {
  const body: CommentDto | undefined = comment?.trim() ? { comment: comment.trim() } : undefined;
  return {
    method: 'POST',
    path: `/v3/access-request-approvals/${encodeURIComponent(approvalId)}/approve`,
    json: body,
    label: `Approve “${name}”`,
    kind: ACCESS_REQUEST_KIND,
    itemId: approvalId,
    action: 'approve',
  };
}

export function approveAccessRequest(variables: AccessRequestDecisionVariables) {
  return sendRequest<unknown>(approveAccessRequestRequest(variables, variables.approvalId));
}
