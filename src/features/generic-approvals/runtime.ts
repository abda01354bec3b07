// How each action on an approval of ISC's Approvals service is sent, and how the cache follows: the kind's
// runtime, loaded with the first decision (not with the list). One request per approval (the per-item endpoints,
// which every approver may call; the bulk ones are for admins only).
import type { ActionInput, ActionTarget, KindRuntime } from '../../lib/kinds/kind.ts';
import { approveGenericApprovalRequest } from './api/approve-generic-approval.ts';
import { genericApprovalCache } from './api/cache.ts';
import { reassignGenericApprovalRequest } from './api/reassign-generic-approval.ts';
import { rejectGenericApprovalRequest } from './api/reject-generic-approval.ts';

function requests(action: string, target: ActionTarget, { comment, owner }: ActionInput) {
  const approvalId = target.id;
  switch (action) {
    case 'approve':
      return [approveGenericApprovalRequest({ approvalId, comment }, target.name)];
    case 'reject':
      return [rejectGenericApprovalRequest({ approvalId, comment }, target.name)];
    case 'reassign':
      return [
        reassignGenericApprovalRequest(
          // an admin viewing another approver hands over that approver's place
          { approvalId, reassignTo: owner?.id ?? '', reassignFrom: target.ownerId || undefined, comment },
          target.name,
        ),
      ];
    default:
      return [];
  }
}

export const genericApprovalRuntime: KindRuntime = { requests, cache: genericApprovalCache };
