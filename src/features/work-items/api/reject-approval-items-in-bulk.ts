// rejectApprovalItemsInBulk: POST /v3/work-items/bulk-reject/{id} — rejects every approval item of a work item.
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import type { WorkItemVariables } from './approve-approval-items-in-bulk.ts';
import { WORK_ITEM_KIND } from './queue-row.ts';

export function rejectApprovalItemsInBulkRequest({ workItemId }: WorkItemVariables, name: string): HeldRequest {
  return {
    method: 'POST',
    path: `/v3/work-items/bulk-reject/${encodeURIComponent(workItemId)}`,
    label: `Reject all of “${name}”`,
    kind: WORK_ITEM_KIND,
    itemId: workItemId,
    action: 'reject',
  };
}

export function rejectApprovalItemsInBulk(variables: WorkItemVariables) {
  return sendRequest<WorkItem>(rejectApprovalItemsInBulkRequest(variables, variables.workItemId));
}
