// rejectApprovalItem: POST /v3/work-items/{id}/reject/{approvalItemId} — rejects one approval item of a work item.
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import type { ApprovalItemDecisionVariables } from './approve-approval-item.ts';
import { WORK_ITEM_KIND } from './queue-row.ts';

/** The request as plain data (the inbox holds it for Undo, then sends it). */
export function rejectApprovalItemRequest(
  { workItemId, approvalItemId }: ApprovalItemDecisionVariables,
  name: string,
): HeldRequest {
  return {
    method: 'POST',
    path: `/v3/work-items/${encodeURIComponent(workItemId)}/reject/${encodeURIComponent(approvalItemId)}`,
    label: `Reject “${name}”`,
    kind: WORK_ITEM_KIND,
    itemId: workItemId,
    action: 'reject',
    subItemId: approvalItemId,
  };
}

export function rejectApprovalItem(variables: ApprovalItemDecisionVariables) {
  return sendRequest<WorkItem>(rejectApprovalItemRequest(variables, variables.approvalItemId));
}
