// approveApprovalItem: POST /v3/work-items/{id}/approve/{approvalItemId} — approves one approval item of a work item.
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { WORK_ITEM_KIND } from './queue-row.ts';

export interface ApprovalItemDecisionVariables {
  workItemId: string;
  approvalItemId: string;
}

/** The request as plain data (the inbox holds it for Undo, then sends it). */
export function approveApprovalItemRequest(
  { workItemId, approvalItemId }: ApprovalItemDecisionVariables,
  name: string,
): HeldRequest {
  return {
    method: 'POST',
    path: `/v3/work-items/${encodeURIComponent(workItemId)}/approve/${encodeURIComponent(approvalItemId)}`,
    label: `Approve “${name}”`,
    kind: WORK_ITEM_KIND,
    itemId: workItemId,
    action: 'approve',
    subItemId: approvalItemId,
  };
}

export function approveApprovalItem(variables: ApprovalItemDecisionVariables) {
  return sendRequest<WorkItem>(approveApprovalItemRequest(variables, variables.approvalItemId));
}
