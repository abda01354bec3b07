// rejectApproval: POST /v2025/generic-approvals/{id}/reject — a comment (required where the approval's config
// says `requiresComment` REJECTION or ALL); 204.
import type { ApprovalRejectRequest } from '../../../../contract/generic-approvals.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { approvalPath, type GenericApprovalDecisionVariables } from './approve-generic-approval.ts';
import { GENERIC_APPROVAL_KIND } from './keys.ts';

export function rejectGenericApprovalRequest(
  { approvalId, comment }: GenericApprovalDecisionVariables,
  name: string,
): HeldRequest {
  const body: ApprovalRejectRequest = comment?.trim() ? { comment: comment.trim() } : {};
  return {
    method: 'POST',
    path: approvalPath(approvalId, 'reject'),
    json: body,
    label: `Reject “${name}”`,
    kind: GENERIC_APPROVAL_KIND,
    itemId: approvalId,
    action: 'reject',
  };
}

export function rejectGenericApproval(variables: GenericApprovalDecisionVariables) {
  return sendRequest<unknown>(rejectGenericApprovalRequest(variables, variables.approvalId));
}
