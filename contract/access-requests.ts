// The ISC Access Request Approvals API's shapes, written from the official spec subset
// (access-request-approvals.v3.json) and shared by the browser app, the server, the benchmark and the end-to-end
// tests. The same operations answer at /v3/access-request-approvals and /access-request-approvals/v1. A real
// tenant may leave almost any field null or missing, so optional/nullable is the norm: read these tolerantly.

/** Both path families serve the same six operations, with the same parameters and bodies. */
export const ACCESS_REQUEST_APPROVALS_PREFIXES = [
  '/v3/access-request-approvals',
  '/access-request-approvals/v1',
] as const;
export type AccessRequestApprovalsPrefix = (typeof ACCESS_REQUEST_APPROVALS_PREFIXES)[number];

/** `owner-id=me` stands for the caller, whoever they are. */
export const OWNER_ME = 'me';

/** An identity as these answers name it: requester, requested-for, owner, reviewer, comment author. */
export interface ApprovalIdentityRef {
  type?: 'IDENTITY' | null;
  id?: string | null;
  name?: string | null;
}
export type AccessItemRequester = ApprovalIdentityRef;
export type AccessItemRequestedFor = ApprovalIdentityRef;
export type AccessItemReviewedBy = ApprovalIdentityRef;
export type OwnerDto = ApprovalIdentityRef;

export const ACCESS_REQUEST_TYPES = ['GRANT_ACCESS', 'REVOKE_ACCESS', 'MODIFY_ACCESS'] as const;
/** Absent or null means GRANT_ACCESS. */
export type AccessRequestType = (typeof ACCESS_REQUEST_TYPES)[number];

export const REQUESTABLE_OBJECT_TYPES = ['ACCESS_PROFILE', 'ROLE', 'ENTITLEMENT'] as const;
export type RequestableObjectType = (typeof REQUESTABLE_OBJECT_TYPES)[number];

/** What was requested: an access profile, a role or an entitlement. */
export interface RequestableObjectReference {
  id?: string | null;
  name?: string | null;
  description?: string | null;
  type?: RequestableObjectType | null;
}

/** A comment: the requester's, an earlier reviewer's, the reviewer's; also the body of approve and reject. */
export interface CommentDto {
  comment?: string | null;
  created?: string | null;
  /** Read-only: the server fills it in. */
  author?: ApprovalIdentityRef | null;
}

export const REASSIGNMENT_TYPES = [
  'MANUAL_REASSIGNMENT',
  'AUTOMATIC_REASSIGNMENT',
  'AUTO_ESCALATION',
  'SELF_REVIEW_DELEGATION',
] as const;
export type ReassignmentType = (typeof REASSIGNMENT_TYPES)[number];

/** One hand-over of an approval, oldest first. Names only: the spec gives no identity ids here. */
export interface ApprovalForwardHistory {
  oldApproverName?: string | null;
  newApproverName?: string | null;
  comment?: string | null;
  modified?: string | null;
  /** Null when the system reassigned it (automatic reassignment, escalation, self-review prevention). */
  forwarderName?: string | null;
  reassignmentType?: ReassignmentType | null;
}

export interface ErrorMessage {
  locale?: string | null;
  localeOrigin?: 'DEFAULT' | 'REQUEST' | null;
  text?: string | null;
}

export interface SodPolicyDto {
  type?: 'SOD_POLICY' | null;
  id?: string | null;
  name?: string | null;
}

/** One side of a violated policy's criteria: an entitlement (or other access) the identity has or asked for. */
export interface SodExemptCriteria {
  /** True when the identity already held it before this request. */
  existing?: boolean | null;
  type?: string | null;
  id?: string | null;
  name?: string | null;
}

export interface SodViolationContext {
  policy?: SodPolicyDto | null;
  conflictingAccessCriteria?: {
    leftCriteria?: { criteriaList?: SodExemptCriteria[] | null } | null;
    rightCriteria?: { criteriaList?: SodExemptCriteria[] | null } | null;
  } | null;
}

export interface SodViolationCheckResult {
  message?: ErrorMessage | null;
  clientMetadata?: Record<string, string> | null;
  violationContexts?: SodViolationContext[] | null;
  violatedPolicies?: SodPolicyDto[] | null;
}

/** The SOD check run for the request; null when none ran. Violations are in violationCheckResult. */
export interface SodViolationContextCheckCompleted {
  state?: 'SUCCESS' | 'ERROR' | null;
  uuid?: string | null;
  violationCheckResult?: SodViolationCheckResult | null;
}

/** An account the requester picked, when the identity has several on one source. */
export interface RequestedAccountRef {
  name?: string | null;
  type?: string | null;
  accountUuid?: string | null;
  accountId?: string | null;
  sourceName?: string | null;
}

export interface MaxPermittedAccessDuration {
  value?: number | null;
  timeUnit?: 'HOURS' | 'DAYS' | 'WEEKS' | 'MONTHS' | null;
}

export const PENDING_APPROVAL_ACTIONS = ['APPROVED', 'REJECTED', 'FORWARDED'] as const;
export type PendingApprovalAction = (typeof PENDING_APPROVAL_ACTIONS)[number];

export const COMPLETED_APPROVAL_STATES = ['APPROVED', 'REJECTED'] as const;
export type CompletedApprovalState = (typeof COMPLETED_APPROVAL_STATES)[number];

/** What pending and completed approvals have in common. */
interface ApprovalBase {
  id: string;
  name?: string | null;
  created?: string | null;
  modified?: string | null;
  requestCreated?: string | null;
  requestType?: AccessRequestType | null;
  requester?: AccessItemRequester | null;
  requestedFor?: AccessItemRequestedFor | null;
  owner?: OwnerDto | null;
  requestedObject?: RequestableObjectReference | null;
  requesterComment?: CommentDto | null;
  previousReviewersComments?: CommentDto[] | null;
  forwardHistory?: ApprovalForwardHistory[] | null;
  /** When true, a rejection must carry a comment: the page asks for one. */
  commentRequiredWhenRejected?: boolean | null;
  removeDate?: string | null;
  removeDateUpdateRequested?: boolean | null;
  currentRemoveDate?: string | null;
  startDate?: string | null;
  startUpdateRequested?: boolean | null;
  currentStartDate?: string | null;
  sodViolationContext?: SodViolationContextCheckCompleted | null;
  clientMetadata?: Record<string, string> | null;
  requestedAccounts?: RequestedAccountRef[] | null;
  privilegeLevel?: string | null;
  maxPermittedAccessDuration?: MaxPermittedAccessDuration | null;
}

export interface PendingApproval extends ApprovalBase {
  accessRequestId?: string | null;
  /** A decision the tenant accepted but has not finished carrying out. */
  actionInProcess?: PendingApprovalAction | null;
}

export interface CompletedApproval extends ApprovalBase {
  /** Not in the spec's CompletedApproval (a real tenant may omit it); the sandbox sends it. */
  accessRequestId?: string | null;
  reviewedBy?: AccessItemReviewedBy | null;
  reviewerComment?: CommentDto | null;
  state?: CompletedApprovalState | null;
  preApprovalTriggerResult?: {
    comment?: string | null;
    decision?: CompletedApprovalState | null;
    reviewer?: string | null;
    date?: string | null;
  } | null;
}

export interface ApprovalSummary {
  pending?: number | null;
  approved?: number | null;
  rejected?: number | null;
}

/** Body of POST …/{approvalId}/forward: both fields required, 1..255 characters. */
export interface ForwardApprovalDto {
  newOwnerId: string;
  comment: string;
}

/** Query of the two list operations. */
export interface ApprovalListQuery {
  'owner-id'?: string;
  limit?: number;
  offset?: number;
  count?: boolean;
  filters?: string;
  sorters?: string;
}

/** Query of GET …/approval-summary. */
export interface ApprovalSummaryQuery {
  'owner-id'?: string;
  /** ISO-8601: count only approvals created (pending) or decided (completed) from then on. */
  'from-date'?: string;
}

/** The fields and operators each list filters on, as the spec lists them. */
export const PENDING_APPROVAL_FILTERS = {
  id: ['eq', 'in'],
  'requestedFor.id': ['eq', 'in'],
  accessRequestId: ['eq', 'in'],
  created: ['gt', 'lt', 'ge', 'le', 'eq', 'in'],
  modified: ['gt', 'lt', 'ge', 'le', 'eq', 'in'],
} as const;

/**
 * The completed list takes what the spec lists for it (more operators on id, requestedFor.id and modified) and
 * also the pending list's accessRequestId and created, so a client written from either list works on both.
 */
export const COMPLETED_APPROVAL_FILTERS = {
  id: ['eq', 'in', 'ge', 'gt', 'le', 'lt', 'ne', 'isnull', 'sw'],
  'requestedFor.id': ['eq', 'in', 'ge', 'gt', 'le', 'lt', 'ne', 'isnull', 'sw'],
  accessRequestId: ['eq', 'in'],
  created: ['gt', 'lt', 'ge', 'le', 'eq', 'in'],
  modified: ['gt', 'lt', 'ge', 'le', 'eq', 'in', 'ne', 'sw'],
} as const;

/** Both lists sort on these; a leading `-` sorts descending. */
export const APPROVAL_SORTERS = ['created', 'modified'] as const;
