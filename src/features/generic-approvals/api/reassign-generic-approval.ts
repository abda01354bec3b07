// reassignApproval: POST /v2025/generic-approvals/{id}/reassign — {reassignTo, reassignFrom?, comment}; 204.
// `reassignFrom` only when an admin hands over another approver's place (the approver the list is for); for one's
// own approval it is left out (the caller).
import type { ApprovalReassignRequest } from '../../../../contract/generic-approvals.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { approvalPath } from './approve-generic-approval.ts';
import { GENERIC_APPROVAL_KIND } from './keys.ts';

export interface ReassignGenericApprovalVariables {
  approvalId: string;
  reassignTo: string;
  reassignFrom?: string;
  comment?: string;
}

export function reassignGenericApprovalRequest(
  { approvalId, reassignTo, reassignFrom, comment }: ReassignGenericApprovalVariables,
  name: string,
): HeldRequest {
  const body: ApprovalReassignRequest = {
    reassignTo,
    ...(reassignFrom ? { reassignFrom } : {}),
    ...(comment?.trim() ? { comment: comment.trim() } : {}),
  };
  return {
    method: 'POST',
    path: approvalPath(approvalId, 'reassign'),
    json: body,
    label: `Reassign “${name}”`,
    kind: GENERIC_APPROVAL_KIND,
    itemId: approvalId,
    action: 'reassign',
  };
}

export function reassignGenericApproval(variables: ReassignGenericApprovalVariables) {
  return sendRequest<unknown>(reassignGenericApprovalRequest(variables, variables.approvalId));
}
