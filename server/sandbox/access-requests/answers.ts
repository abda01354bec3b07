// Stored rows → the API's answers (PendingApproval, CompletedApproval), names resolved from the identities.
import { identityById } from '../identities.ts';
import type {
  CommentBody,
  CompletedApprovalBody,
  PendingApprovalBody,
  RequestedAccountBody,
  SodViolationContextBody,
} from './schemas.ts';

export interface ApprovalRow {
  id: string;
  access_request_id: string;
  owner_id: string;
  requester_id: string;
  requested_for_id: string;
  name: string;
  request_type: PendingApprovalBody['requestType'];
  object_type: PendingApprovalBody['requestedObject']['type'];
  object_id: string;
  object_name: string;
  object_description: string | null;
  request_created: string;
  created: string;
  modified: string;
  state: 'PENDING' | 'APPROVED' | 'REJECTED';
  reviewed_by_id: string | null;
  reviewer_comment: string | null;
  decided: string | null;
  comment_required_when_rejected: number;
  requester_comment: string | null;
  remove_date: string | null;
  current_remove_date: string | null;
  remove_date_update_requested: number;
  start_date: string | null;
  privilege_level: string | null;
  previous_reviewers_comments: string | null;
  sod_violation_context: string | null;
  requested_accounts: string | null;
  client_metadata: string | null;
}

export interface ForwardRow {
  approval_id: string;
  from_id: string;
  to_id: string;
  by_id: string | null;
  comment: string | null;
  reassignment_type: PendingApprovalBody['forwardHistory'][number]['reassignmentType'];
  forwarded: string;
}

type ForwardHistory = PendingApprovalBody['forwardHistory'];

const ref = (id: string) => ({ type: 'IDENTITY' as const, id, name: identityById(id)?.name ?? id });
const nameOf = (id: string) => identityById(id)?.name ?? id;
const json = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

/** Forward rows (oldest first) grouped per approval, as the spec's ApprovalForwardHistory. */
export function forwardHistories(rows: ForwardRow[]): Map<string, ForwardHistory> {
  const out = new Map<string, ForwardHistory>();
  for (const f of rows) {
    let list = out.get(f.approval_id);
    if (!list) out.set(f.approval_id, (list = []));
    list.push({
      oldApproverName: nameOf(f.from_id),
      newApproverName: nameOf(f.to_id),
      comment: f.comment,
      modified: f.forwarded,
      forwarderName: f.by_id === null ? null : nameOf(f.by_id),
      reassignmentType: f.reassignment_type,
    });
  }
  return out;
}

function common(r: ApprovalRow, forwardHistory: ForwardHistory) {
  return {
    id: r.id,
    accessRequestId: r.access_request_id,
    name: r.name,
    created: r.created,
    modified: r.modified,
    requestCreated: r.request_created,
    requestType: r.request_type,
    requester: ref(r.requester_id),
    requestedFor: ref(r.requested_for_id),
    owner: ref(r.owner_id),
    requestedObject: {
      id: r.object_id,
      name: r.object_name,
      description: r.object_description ?? undefined,
      type: r.object_type,
    },
    requesterComment:
      r.requester_comment === null
        ? undefined
        : { comment: r.requester_comment, created: r.request_created, author: ref(r.requester_id) },
    previousReviewersComments: json<CommentBody[]>(r.previous_reviewers_comments, []),
    forwardHistory,
    commentRequiredWhenRejected: r.comment_required_when_rejected === 1,
    removeDateUpdateRequested: r.remove_date_update_requested === 1,
    startDate: r.start_date ?? undefined,
    sodViolationContext: json<SodViolationContextBody>(r.sod_violation_context, null),
    clientMetadata: json<Record<string, string>>(r.client_metadata, {}),
    requestedAccounts: json<RequestedAccountBody[] | null>(r.requested_accounts, null),
    privilegeLevel: r.privilege_level,
  };
}

export function toPending(r: ApprovalRow, forwards: ForwardHistory): PendingApprovalBody {
  return {
    ...common(r, forwards),
    removeDate: r.remove_date ?? undefined,
    currentRemoveDate: r.current_remove_date ?? undefined,
  };
}

export function toCompleted(r: ApprovalRow, forwards: ForwardHistory): CompletedApprovalBody {
  const reviewer = r.reviewed_by_id ?? r.owner_id;
  return {
    ...common(r, forwards),
    removeDate: r.remove_date,
    currentRemoveDate: r.current_remove_date,
    reviewedBy: ref(reviewer),
    reviewerComment:
      r.reviewer_comment === null
        ? null
        : { comment: r.reviewer_comment, created: r.decided ?? r.modified, author: ref(reviewer) },
    state: r.state === 'REJECTED' ? 'REJECTED' : 'APPROVED',
    preApprovalTriggerResult: null,
  };
}
