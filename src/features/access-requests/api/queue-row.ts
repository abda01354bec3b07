// The access-request kind of the queue: how one pending or completed approval becomes a compact QueueRow (the
// sources that page through the two lists are approvals-source.ts). The row keeps what the inbox lists (what is
// requested and its type, for whom, requester, age; in the history the reviewer's comment); the detail page
// fetches the approval itself.
import type {
  CompletedApproval,
  PendingApproval,
  RequestableObjectType,
} from '../../../../contract/access-requests.ts';
import { sameAccessRequest, searchWithSubItems, timeOf, type QueueRow } from '../../../lib/queue/row.ts';
import { ACCESS_REQUEST_KIND } from './keys.ts';

export { ACCESS_REQUEST_KIND };
const TEXT_PART = 500;

const OBJECT_LABELS: Record<RequestableObjectType, string> = {
  ROLE: 'Role',
  ACCESS_PROFILE: 'Access profile',
  ENTITLEMENT: 'Entitlement',
};

/** "Role", "Access profile", "Entitlement" (what kind of access is requested). */
export function objectTypeLabel(type: string | null | undefined): string {
  return (type && OBJECT_LABELS[type as RequestableObjectType]) || 'Access';
}

export function requestTypeLabel(type: string | null | undefined): string {
  return type === 'REVOKE_ACCESS' ? 'Revoke access' : type === 'MODIFY_ACCESS' ? 'Modify access' : 'Grant access';
}

export function approvalRow(approval: PendingApproval | CompletedApproval, completed: boolean): QueueRow {
  const object = approval.requestedObject ?? {};
  const name = object.name || approval.name || approval.id;
  const label = objectTypeLabel(object.type);
  const decided = completed ? (approval as CompletedApproval) : undefined;
  const reviewerComment = decided?.reviewerComment?.comment?.trim() ?? '';
  const requesterComment = approval.requesterComment?.comment?.trim() ?? '';
  const app = approval.clientMetadata?.requestedAppName;
  const inProcess = !completed && !!(approval as PendingApproval).actionInProcess;
  const state = decided
    ? decided.state === 'REJECTED'
      ? 'Rejected'
      : decided.state === 'APPROVED'
        ? 'Approved'
        : ''
    : 'Pending';
  const open = !completed && !inProcess;
  const handover = approval.forwardHistory?.[approval.forwardHistory.length - 1];
  return {
    kind: ACCESS_REQUEST_KIND,
    id: approval.id,
    name,
    // what is asked and why; the reviewer's answer has its own field
    description: [requestTypeLabel(approval.requestType), requesterComment].filter(Boolean).join(' — '),
    requester: approval.requester?.name ?? '',
    requestedFor: approval.requestedFor?.name ?? '',
    type: object.type ?? '',
    typeLabel: label,
    created: timeOf(approval.created),
    completed: decided ? timeOf(approval.modified) : 0,
    due: 0,
    ...(approval.accessRequestId ? { sameAs: sameAccessRequest(approval.accessRequestId, object.id) } : {}),
    state,
    comment: reviewerComment || undefined,
    ...(decided?.reviewedBy?.name ? { decidedBy: decided.reviewedBy.name } : {}),
    pendingCount: completed ? 0 : 1,
    itemCount: 1,
    applications: app ? [app] : [],
    ownerId: approval.owner?.id ?? '',
    ownerName: approval.owner?.name ?? '',
    can: { approve: open, reject: open, forward: open },
    needsComment: approval.commentRequiredWhenRejected ? ['reject'] : undefined,
    // names only: the spec gives this history no ids
    handedOverBy: handover?.oldApproverName ? { name: handover.oldApproverName } : undefined,
    ...searchWithSubItems(
      [
        name.slice(0, TEXT_PART),
        approval.requester?.name,
        approval.requestedFor?.name,
        approval.id,
        approval.accessRequestId,
        label,
        app,
        object.description?.slice(0, TEXT_PART),
        requesterComment.slice(0, TEXT_PART),
        reviewerComment.slice(0, TEXT_PART),
      ],
      [],
    ),
  };
}
