// Stored rows → the spec's Approval: identities resolved to names and emails, the localized name and description
// with the caller's language first, who approved and rejected and when, whom it waits on, and (as the list's
// include-* flags ask) its approvers, comments, reassignment history and batch.
import type {
  Approval,
  ApprovalComment,
  ApprovalConfig,
  ApprovalIdentity,
  ApprovalIdentityRecord,
  ApprovalReassignmentHistory,
  LocalizedText,
} from '../../../contract/generic-approvals.ts';
import { rankLocalized } from '../../../contract/generic-approval-rules.ts';
import { SANDBOX_TENANT_ID } from '../oauth/tokens.ts';
import { identityById } from '../identities.ts';
import type { ApprovalRow, ApproverRow } from './lifecycle.ts';

export interface CommentRow {
  id: string;
  approval_id: string;
  author_id: string;
  comment: string;
  created: string;
}

export interface ReassignmentRow {
  approval_id: string;
  from_id: string | null;
  to_id: string;
  by_id: string | null;
  comment_id: string | null;
  type: NonNullable<ApprovalReassignmentHistory['reassignmentType']>;
  at: string;
}

/** What goes with each approval of a page, read in one query per kind. */
export interface Details {
  approvers: Map<string, ApproverRow[]>;
  comments: Map<string, CommentRow[]>;
  reassignments: Map<string, ReassignmentRow[]>;
}

/** Which optional parts an answer carries: all of them for a single approval, what the list asks for. */
export interface Include {
  comments: boolean;
  approvers: boolean;
  reassignmentHistory: boolean;
  batch: boolean;
}
export const INCLUDE_ALL: Include = { comments: true, approvers: true, reassignmentHistory: true, batch: true };

/** An identity as approvals name it (an id the sandbox does not know keeps its id as its name). */
export function identityRef(id: string): ApprovalIdentity {
  const who = identityById(id);
  return { type: 'IDENTITY', identityID: id, name: who?.name ?? id, ...(who ? { email: who.email } : {}) };
}

function record(approver: ApproverRow): ApprovalIdentityRecord {
  const who = identityById(approver.identity_id);
  return {
    identityID: approver.identity_id,
    type: 'IDENTITY',
    name: who?.name ?? approver.identity_id,
    ...(who ? { email: who.email } : {}),
    decisionDate: approver.decided!,
  };
}

const json = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

export function toApproval(row: ApprovalRow, details: Details, include: Include, locales: string[]): Approval {
  const approvers = details.approvers.get(row.id) ?? [];
  const pending = row.status === 'PENDING';
  const decided = (decision: 'APPROVED' | 'REJECTED') =>
    approvers.filter((a) => a.decision === decision).sort((a, b) => a.decided!.localeCompare(b.decided!));
  const comments: ApprovalComment[] = (details.comments.get(row.id) ?? []).map((c) => ({
    commentId: c.id,
    author: identityRef(c.author_id),
    comment: c.comment,
    createdDate: c.created,
  }));
  const history: ApprovalReassignmentHistory[] = (details.reassignments.get(row.id) ?? []).map((r) => ({
    ...(r.comment_id ? { commentID: r.comment_id } : {}),
    ...(r.from_id ? { reassignedFrom: identityRef(r.from_id) } : {}),
    reassignedTo: identityRef(r.to_id),
    ...(r.by_id ? { reassigner: identityRef(r.by_id) } : {}),
    reassignmentDate: r.at,
    reassignmentType: r.type,
  }));
  const approval: Approval = {
    id: row.id,
    tenantId: SANDBOX_TENANT_ID,
    type: row.type,
    status: row.status,
    createdDate: row.created,
    ...(row.due ? { dueDate: row.due } : {}),
    escalationStep: String(row.escalation_step),
    serialStep: row.serial_step,
    isEscalated: row.is_escalated === 1,
    name: rankLocalized(json<LocalizedText[]>(row.name, []), locales),
    description: rankLocalized(json<LocalizedText[]>(row.description, []), locales),
    approvalConfig: json<ApprovalConfig>(row.approval_config, {}),
    medium: row.medium as Approval['medium'],
    priority: row.priority,
    ...(row.requester_id ? { requester: identityRef(row.requester_id) } : {}),
    ...(row.requestee_id ? { requestee: identityRef(row.requestee_id) } : {}),
    approvedBy: decided('APPROVED').map(record),
    rejectedBy: decided('REJECTED').map(record),
    assignedTo: pending ? approvers.filter((a) => a.active === 1 && a.decision === null).map(asApprover) : [],
    ...(row.completed ? { completedDate: row.completed } : {}),
    approvalCriteria: {
      type: row.criteria_type,
      approval: { calculationType: row.approve_calc, value: row.approve_value },
      rejection: { calculationType: row.reject_calc, value: row.reject_value },
    },
    additionalAttributes: row.additional_attributes,
    referenceData: row.reference_id
      ? [{ id: row.reference_id, type: row.reference_type ?? '', name: row.reference_name ?? '' }]
      : [],
    ...(row.static_attributes ? { staticAttributes: json<Record<string, unknown>>(row.static_attributes, {}) } : {}),
    modifiedDate: row.modified,
    requestedTarget: json(row.requested_target, []),
  };
  if (include.approvers) approval.approvers = approvers.map(asApprover);
  if (include.comments) approval.comments = comments;
  if (include.reassignmentHistory) approval.reassignmentHistory = history;
  if (include.batch && row.batch_id) approval.batchRequest = { batchId: row.batch_id, batchSize: row.batch_size ?? 1 };
  return approval;
}

function asApprover(a: ApproverRow): ApprovalIdentity {
  return { ...identityRef(a.identity_id), serialOrder: a.serial_order };
}

/** Accept-Language as a list of tags, most wanted first (`q=0` and `*` left out). */
export function acceptedLocales(header: string | string[] | undefined): string[] {
  if (typeof header !== 'string') return [];
  return header
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => /^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*$/.test(l.tag) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}
