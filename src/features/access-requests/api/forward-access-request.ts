// forwardAccessRequest: POST /v3/access-request-approvals/{approvalId}/forward — {newOwnerId, comment}, both
// required (1..255 characters); 202 {}.
import type { ForwardApprovalDto } from '../../../../contract/access-requests.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { ACCESS_REQUEST_KIND } from './queue-row.ts';

export interface ForwardAccessRequestVariables extends ForwardApprovalDto {
  approvalId: string;
}

export function forwardAccessRequestRequest(
  { approvalId, newOwnerId, comment }: ForwardAccessRequestVariables,
  name: string,
): HeldRequest {
  const body: ForwardApprovalDto = { newOwnerId, comment: comment.trim() };
  return {
    method: 'POST',
    path: `/v3/access-request-approvals/${encodeURIComponent(approvalId)}/forward`,
    json: body,
    label: `Forward “${name}”`,
    kind: ACCESS_REQUEST_KIND,
    itemId: approvalId,
    action: 'forward',
  };
}

export function forwardAccessRequest(variables: ForwardAccessRequestVariables) {
  return sendRequest<unknown>(forwardAccessRequestRequest(variables, variables.approvalId));
}
