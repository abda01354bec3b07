// How each action on a work item is sent, and how the cache follows: the kind's runtime, loaded with the first
// decision (not with the list). Approve / reject: one approval item, several (one request each), or all of them
// in one bulk request; mark complete; forward.
import type { HeldRequest } from '../../lib/held.ts';
import type { ActionInput, ActionTarget, KindRuntime } from '../../lib/kinds/kind.ts';
import { approveApprovalItemRequest } from './api/approve-approval-item.ts';
import { approveApprovalItemsInBulkRequest } from './api/approve-approval-items-in-bulk.ts';
import { workItemCache } from './api/cache.ts';
import { completeWorkItemRequest } from './api/complete-work-item.ts';
import { getWorkItem } from './api/get-work-item.ts';
import { rejectApprovalItemRequest } from './api/reject-approval-item.ts';
import { rejectApprovalItemsInBulkRequest } from './api/reject-approval-items-in-bulk.ts';
import { sendWorkItemForwardRequest } from './api/send-work-item-forward.ts';

function requests(action: string, target: ActionTarget, input: ActionInput) {
  const workItemId = target.id;
  switch (action) {
    case 'approve':
    case 'reject': {
      const one = action === 'approve' ? approveApprovalItemRequest : rejectApprovalItemRequest;
      const all = action === 'approve' ? approveApprovalItemsInBulkRequest : rejectApprovalItemsInBulkRequest;
      return target.subItemIds
        ? target.subItemIds.map((approvalItemId) => one({ workItemId, approvalItemId }, target.name))
        : [all({ workItemId }, target.name)];
    }
    case 'complete':
      return [completeWorkItemRequest({ workItemId }, target.name)];
    case 'forward':
      return [
        sendWorkItemForwardRequest(
          {
            workItemId,
            targetOwnerId: input.owner?.id ?? '',
            comment: input.comment ?? '',
            sendNotifications: input.notify,
          },
          target.name,
        ),
      ];
    default:
      return [];
  }
}

/** The state an approval item (or the work item, when marked complete) ends in once the action went through. */
const END_STATE: Record<string, string> = { approve: 'Finished', reject: 'Rejected', complete: 'Finished' };

async function alreadyDone({ action, itemId, subItemId }: HeldRequest): Promise<boolean> {
  const wanted = END_STATE[action];
  if (!wanted) return false;
  const item = await getWorkItem(itemId);
  if (action === 'complete') return item.state === wanted;
  const parts = (item.approvalItems ?? []).filter((part) => !subItemId || part?.id === subItemId);
  return parts.length > 0 && parts.every((part) => part?.state === wanted);
}

export const workItemRuntime: KindRuntime = { requests, cache: workItemCache, alreadyDone };
