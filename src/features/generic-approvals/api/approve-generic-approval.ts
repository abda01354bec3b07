// approveApproval: POST /v2025/generic-approvals/{id}/approve — an optional comment; 200 with the approval.
import type { ApprovalApproveRequest } from '../../../../contract/generic-approvals.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { GENERIC_APPROVAL_KIND } from './keys.ts';

export interface GenericApprovalDecisionVariables {
  approvalId: string;
  comment?: string;
}

/** The path of an operation on one approval ('/v2025/generic-approvals/{id}/approve'). */
export function approvalPath(approvalId: string, operation: string): string {
  return `/v2025/generic-approvals/${encodeURIComponent(approvalId)}/${operation}`;
}

/** The request as plain data (the inbox holds it for Undo, then sends it). */
export function approveGenericApprovalRequest(
  { approvalId, comment }: GenericApprovalDecisionVariables,
  name: string,
): HeldRequest {
  const body: ApprovalApproveRequest = comment?.trim() ? { comment: comment.trim() } : {};
  return {
    method: 'POST',
    path: approvalPath(approvalId, 'approve'),
    json: body,
    label: `Approve “${name}”`,
    kind: GENERIC_APPROVAL_KIND,
    itemId: approvalId,
    action: 'approve',
  };
}

export function approveGenericApproval(variables: GenericApprovalDecisionVariables) {
  return sendRequest<unknown>(approveGenericApprovalRequest(variables, variables.approvalId));
}
