// approveApprovalItemsInBulk: POST /v3/work-items/bulk-approve/{id} — approves every approval item of a work item.
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { WORK_ITEM_KIND } from './queue-row.ts';

export interface WorkItemVariables {
  workItemId: string;
}

export function approveApprovalItemsInBulkRequest({ workItemId }: WorkItemVariables, name: string): HeldRequest {
  return {
    method: 'POST',
    path: `/v3/work-items/bulk-approve/${encodeURIComponent(workItemId)}`,
    label: `Approve all of “${name}”`,
    kind: WORK_ITEM_KIND,
    itemId: workItemId,
    action: 'approve',
  };
}

export function approveApprovalItemsInBulk(variables: WorkItemVariables) {
  return sendRequest<WorkItem>(approveApprovalItemsInBulkRequest(variables, variables.workItemId));
}
