// sendWorkItemForward: POST /v3/work-items/{id}/forward — hands a work item to another identity.
import type { WorkItem, WorkItemForward } from '../../../../contract/work-items.ts';
import type { HeldRequest } from '../../../lib/held.ts';
import { sendRequest } from '../../../lib/http.ts';
import { WORK_ITEM_KIND } from './queue-row.ts';

export interface ForwardWorkItemVariables extends WorkItemForward {
  workItemId: string;
}

export function sendWorkItemForwardRequest(
  { workItemId, targetOwnerId, comment, sendNotifications }: ForwardWorkItemVariables,
  name: string,
): HeldRequest {
  const body: WorkItemForward = { targetOwnerId, comment: comment.trim() };
  if (sendNotifications !== undefined) body.sendNotifications = sendNotifications;
  return {
    method: 'POST',
    path: `/v3/work-items/${encodeURIComponent(workItemId)}/forward`,
    json: body,
    label: `Forward “${name}”`,
    kind: WORK_ITEM_KIND,
    itemId: workItemId,
    action: 'forward',
  };
}

/** v3 answers 200 with no body; a body holding the forwarded work item (the sandbox's) is used when present. */
export async function sendWorkItemForward(variables: ForwardWorkItemVariables): Promise<WorkItem | undefined> {
  const answer = await sendRequest<WorkItem | undefined>(sendWorkItemForwardRequest(variables, variables.workItemId));
  return answer && typeof answer === 'object' && typeof answer.id === 'string' ? answer : undefined;
}
