// completeWorkItem: POST /v3/work-items/{id} — marks a work item done.
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import type { WorkItemVariables } from './approve-approval-items-in-bulk.ts';
import { WORK_ITEM_KIND } from './queue-row.ts';

export function completeWorkItemRequest({ workItemId }: WorkItemVariables, name: string): HeldRequest {
  return {
    method: 'POST',
    path: `/v3/work-items/${encodeURIComponent(workItemId)}`,
    label: `Mark “${name}” complete`,
    kind: WORK_ITEM_KIND,
    itemId: workItemId,
    action: 'complete',
  };
}

export function completeWorkItem(variables: WorkItemVariables) {
  return sendRequest<WorkItem>(completeWorkItemRequest(variables, variables.workItemId));
}
