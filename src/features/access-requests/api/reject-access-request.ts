// rejectAccessRequest: POST /v3/access-request-approvals/{approvalId}/reject — a comment (required when the
// approval has commentRequiredWhenRejected); 202 {}.
import type { CommentDto } from '../../../../contract/access-requests.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import type { AccessRequestDecisionVariables } from './approve-access-request.ts';
import { ACCESS_REQUEST_KIND } from './queue-row.ts';

export function rejectAccessRequestRequest(
  { approvalId, comment }: AccessRequestDecisionVariables,
  name: string,
): HeldRequest {
  // the spec's reject body is required: an empty comment object when none is given
  const body: CommentDto = comment?.trim() ? { comment: comment.trim() } : {};
  return {
    method: 'POST',
    path: `/v3/access-request-approvals/${encodeURIComponent(approvalId)}/reject`,
    json: body,
    label: `Reject “${name}”`,
    kind: ACCESS_REQUEST_KIND,
    itemId: approvalId,
    action: 'reject',
  };
}

export function rejectAccessRequest(variables: AccessRequestDecisionVariables) {
  return sendRequest<unknown>(rejectAccessRequestRequest(variables, variables.approvalId));
}
