// How each action on a work item is sent, and how the cache follows: the kind's runtime, loaded with the first
// decision (not with the list). Approve / reject: one approval item, several (one request each), or all of them
// in one bulk request; mark complete; forward.
import type { ActionInput, ActionTarget, KindRuntime } from '../../lib/kinds/kind.ts';
import { approveApprovalItemRequest } from './api/approve-approval-item.ts';
import { approveApprovalItemsInBulkRequest } from './api/approve-approval-items-in-bulk.ts';
import { workItemCache } from './api/cache.ts';
import { completeWorkItemRequest } from './api/complete-work-item.ts';
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

export const workItemRuntime: KindRuntime = { requests, cache: workItemCache };
