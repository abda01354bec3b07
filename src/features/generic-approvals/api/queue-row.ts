// The Approvals-service kind of the queue: how one approval becomes a compact QueueRow, and the sources that page
// through its list. The row keeps what the inbox lists (name in the reader's language, type, priority, requester,
// requestee, due date and whether it expires; in the history the outcome, who decided and the last comment); the
// detail page fetches the approval itself. A real tenant may leave almost any field missing: read tolerantly.
import { approvalTypeLabel, pickLocalized } from '../../../../contract/generic-approval-rules.ts';
import {
  ACCESS_REQUEST_REFERENCE,
  type Approval,
  type ApprovalIdentityRecord,
  type ApprovalStatus,
} from '../../../../contract/generic-approvals.ts';
import { sameAccessRequest, searchWithSubItems, timeOf, type QueueRow } from '../../../lib/queue/row.ts';
import { GENERIC_APPROVAL_KIND } from './keys.ts';

const TEXT_PART = 500;

export { approvalTypeLabel };

export const PRIORITY_WORDS: Record<string, { label: string; rank: number }> = {
  HIGH: { label: 'High', rank: 3 },
  MEDIUM: { label: 'Medium', rank: 2 },
  LOW: { label: 'Low', rank: 1 },
};

/** The reader's languages, best first (the page's own locale, then the browser's). */
export function readerLocales(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

export function approvalName(approval: Approval, locales: readonly string[] = readerLocales()): string {
  return pickLocalized(approval.name, locales)?.trim() || approval.id;
}

export function approvalDescription(approval: Approval, locales: readonly string[] = readerLocales()): string {
  return pickLocalized(approval.description, locales)?.trim() ?? '';
}

/** Where it stands: `status` when the tenant sends it, else what the decisions say. */
export function approvalStatus(approval: Approval): ApprovalStatus {
  if (approval.status) return approval.status;
  if (approval.rejectedBy?.length) return 'REJECTED';
  if (approval.completedDate) return approval.approvedBy?.length ? 'APPROVED' : 'EXPIRED';
  return 'PENDING';
}

const STATUS_WORDS: Record<ApprovalStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
};

const names = (records: readonly ApprovalIdentityRecord[] | null | undefined) =>
  (records ?? []).map((r) => r?.name || r?.identityID).filter((n): n is string => !!n);

/** The outcome in words: an approval its timeout approved is "Approved on expiry" (nobody decided it). */
export function outcomeLabel(approval: Approval): string {
  const status = approvalStatus(approval);
  if (status === 'APPROVED' && names(approval.approvedBy).length === 0) return 'Approved on expiry';
  return STATUS_WORDS[status] ?? status;
}

/** Who decided a completed approval ("Bob Approver"; nobody for an expiry or a cancellation). */
export function decidedBy(approval: Approval): string {
  const status = approvalStatus(approval);
  const who =
    status === 'REJECTED' ? names(approval.rejectedBy) : status === 'APPROVED' ? names(approval.approvedBy) : [];
  return who.join(', ');
}

/** The access request it decides, when it decides one. */
export function accessRequestIdOf(approval: Approval): string | undefined {
  const ref = (approval.referenceData ?? []).find((r) => r?.type === ACCESS_REQUEST_REFERENCE && r.id);
  return ref?.id ?? undefined;
}

/** Which actions need a comment (`requiresComment`: APPROVAL, REJECTION, ALL). */
export function commentNeeds(approval: Approval): string[] {
  const rule = approval.approvalConfig?.requiresComment;
  return rule === 'ALL'
    ? ['approve', 'reject']
    : rule === 'APPROVAL'
      ? ['approve']
      : rule === 'REJECTION'
        ? ['reject']
        : [];
}

/** It expires on its due date (its timeout is on; a tenant that sends a due date but no config: it does). */
export function expiresOnDueDate(approval: Approval): boolean {
  return !!approval.dueDate && approval.approvalConfig?.timeoutConfig?.enabled !== false;
}

export function approvalRow(approval: Approval, ownerId?: string): QueueRow {
  const status = approvalStatus(approval);
  const pending = status === 'PENDING';
  const name = approvalName(approval);
  const description = approvalDescription(approval);
  const typeLabel = approvalTypeLabel(approval.type);
  const priority = approval.priority ? PRIORITY_WORDS[approval.priority] : undefined;
  const targets = (approval.requestedTarget ?? []).map((t) => t?.name).filter((n): n is string => !!n);
  const accessRequestId = accessRequestIdOf(approval);
  const lastComment = pending ? '' : ((approval.comments ?? []).at(-1)?.comment?.trim() ?? '');
  const needs = commentNeeds(approval);
  // the latest hand-over that brought it here (a delegation, a reassignment): "Delegated by …" on the row
  const handover = (approval.reassignmentHistory ?? []).at(-1)?.reassignedFrom;
  return {
    kind: GENERIC_APPROVAL_KIND,
    id: approval.id,
    name,
    description,
    requester: approval.requester?.name ?? '',
    requestedFor: approval.requestee?.name ?? '',
    type: approval.type ?? '',
    typeLabel,
    created: timeOf(approval.createdDate),
    completed: pending ? 0 : timeOf(approval.completedDate ?? approval.modifiedDate),
    due: pending ? timeOf(approval.dueDate) : 0,
    ...(pending && expiresOnDueDate(approval) ? { expires: true } : {}),
    ...(priority ? { priority: priority.rank, facets: { priority: priority.label } } : {}),
    ...(accessRequestId ? { sameAs: sameAccessRequest(accessRequestId, approval.requestedTarget?.[0]?.id) } : {}),
    state: status,
    stateLabel: outcomeLabel(approval),
    ...(pending ? {} : { decidedBy: decidedBy(approval) }),
    comment: lastComment || undefined,
    pendingCount: pending ? 1 : 0,
    itemCount: 1,
    applications: [],
    // the approver it is listed for (an admin's view of another); '' for one's own: the caller acts as themself
    ownerId: ownerId ?? '',
    ownerName: ownerId ? (approval.assignedTo?.find((a) => a?.identityID === ownerId)?.name ?? '') : '',
    can: { approve: pending, reject: pending, reassign: pending },
    handedOverBy: handover?.name ? { id: handover.identityID || undefined, name: handover.name } : undefined,
    ...(needs.length ? { needsComment: needs } : {}),
    ...searchWithSubItems(
      [
        name.slice(0, TEXT_PART),
        approval.requester?.name,
        approval.requestee?.name,
        approval.id,
        accessRequestId,
        typeLabel,
        approval.type,
        priority?.label,
        targets.join(' ').slice(0, TEXT_PART),
        description.slice(0, TEXT_PART),
        lastComment.slice(0, TEXT_PART),
      ],
      [],
    ),
  };
}
