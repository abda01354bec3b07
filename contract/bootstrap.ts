// What the server embeds in the page it serves for the inbox (a JSON data block, never a script that runs): the
// signed-in identity's session and the first page of each of its pending lists, exactly as GET /auth/session and the
// inbox's first list requests answer them (the Approvals service's approvals cut to what the list reads). The page
// seeds its cache from it and asks again at once.
import type { PendingApproval } from './access-requests.ts';
import { ACCESS_REQUEST_REFERENCE, type Approval, type ApprovalIdentity } from './generic-approvals.ts';
import type { SessionView } from './session.ts';
import type { WorkItem } from './work-items.ts';

/** The id of the `<script type="application/json">` element that carries it. */
export const BOOTSTRAP_ELEMENT_ID = 'wi-bootstrap';

/** The inbox's first list request, the one whose answer is embedded: its page size is the API's largest. */
export const BOOTSTRAP_LIST_LIMIT = 250;

export interface Bootstrap {
  session: SessionView;
  /** GET /v3/work-items?limit=250&offset=0&count=true of the signed-in identity (absent when that failed). */
  workItems?: { items: WorkItem[]; total: number };
  /** GET /v3/access-request-approvals/pending?owner-id=me&limit=250&offset=0&count=true (absent when that failed). */
  accessRequests?: { items: PendingApproval[]; total: number };
  /**
   * GET /v2025/generic-approvals?mine=true&filters=status eq "PENDING"&limit=250&offset=0&count=true, each approval
   * cut to what the list reads of it (embeddedApproval): the whole page is ~2.3 KB an approval.
   */
  approvals?: { items: Approval[]; total: number };
  /** When the server read them (epoch ms). */
  at: number;
}

/** An identity reference cut to who it is (a tenant's null entry stays null). */
function nameOnly<T extends Pick<ApprovalIdentity, 'identityID' | 'name'> | null | undefined>(who: T): T {
  return (who ? { identityID: who.identityID, name: who.name } : who) as T;
}

/**
 * One's own pending approval as the inbox's list reads it (the Approvals service kind's queue row): its names and
 * descriptions in every language (the page picks the reader's), type, priority, dates, who asked and for whom, what
 * for, the access request it decides, its comment rule and timeout, the last hand-over, and any decision already
 * recorded. Everything else (approvers, chains, attributes, the whole history) is read by the detail page, which
 * fetches the approval itself. Missing and null fields stay as the tenant sent them.
 */
export function embeddedApproval(approval: Approval): Approval {
  const config = approval.approvalConfig;
  const timeout = config?.timeoutConfig;
  return {
    id: approval.id,
    type: approval.type,
    status: approval.status,
    name: approval.name,
    description: approval.description,
    priority: approval.priority,
    createdDate: approval.createdDate,
    modifiedDate: approval.modifiedDate,
    dueDate: approval.dueDate,
    completedDate: approval.completedDate,
    requester: nameOnly(approval.requester),
    requestee: nameOnly(approval.requestee),
    requestedTarget: approval.requestedTarget?.map((t) => (t ? { id: t.id, name: t.name } : t)),
    referenceData: approval.referenceData?.filter((r) => r?.type === ACCESS_REQUEST_REFERENCE),
    approvalConfig: config
      ? { requiresComment: config.requiresComment, timeoutConfig: timeout ? { enabled: timeout.enabled } : timeout }
      : config,
    reassignmentHistory: approval.reassignmentHistory
      ?.slice(-1)
      .map((h) => (h ? { reassignedFrom: nameOnly(h.reassignedFrom) } : h)),
    approvedBy: approval.approvedBy?.map(nameOnly),
    rejectedBy: approval.rejectedBy?.map(nameOnly),
    comments: approval.comments?.slice(-1),
  };
}
