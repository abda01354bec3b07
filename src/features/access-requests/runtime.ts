// How each action on an access-request approval is sent, and how the cache follows: the kind's runtime, loaded
// with the first decision (not with the list).
import type { HeldRequest } from '../../lib/held.ts';
import type { ActionInput, ActionTarget, KindRuntime } from '../../lib/kinds/kind.ts';
import { approveAccessRequestRequest } from './api/approve-access-request.ts';
import { accessRequestCache } from './api/cache.ts';
import { forwardAccessRequestRequest } from './api/forward-access-request.ts';
import { getAccessRequest } from './api/get-access-request.ts';
import { rejectAccessRequestRequest } from './api/reject-access-request.ts';

function requests(action: string, target: ActionTarget, { comment, owner }: ActionInput) {
  const approvalId = target.id;
  switch (action) {
    case 'approve':
      return [approveAccessRequestRequest({ approvalId, comment }, target.name)];
    case 'reject':
      return [rejectAccessRequestRequest({ approvalId, comment }, target.name)];
    case 'forward':
      return [
        forwardAccessRequestRequest({ approvalId, newOwnerId: owner?.id ?? '', comment: comment ?? '' }, target.name),
      ];
    default:
      return [];
  }
}

const END_STATE: Record<string, string> = { approve: 'APPROVED', reject: 'REJECTED' };

/** Decided as asked, and by this identity: someone else's decision on it is not this one's (that one failed). */
async function alreadyDone({ action, itemId }: HeldRequest, identityId: string): Promise<boolean> {
  const wanted = END_STATE[action];
  if (!wanted) return false;
  const found = await getAccessRequest(itemId);
  return (
    found.status === 'completed' && found.approval.state === wanted && found.approval.reviewedBy?.id === identityId
  );
}

export const accessRequestRuntime: KindRuntime = { requests, cache: accessRequestCache, alreadyDone };
