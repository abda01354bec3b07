// ISC's Approvals service ("generic approvals"), written from the official spec subset (approvals.v2025.json) and
// shared by the browser app, the server, the benchmark and the end-to-end tests. Net-new access-request approvals,
// account approvals and "other" approvals run here. Every operation answers under /v2025/generic-approvals, per
// service at /generic-approvals/v1 and under /beta; v2024 has list and get only (the official SDK's
// ApprovalsV2024Api). A real tenant may leave almost any field missing: read these tolerantly.

/** The path families that serve every operation, with the same parameters and bodies. */
export const GENERIC_APPROVALS_PREFIXES = [
  '/v2025/generic-approvals',
  '/generic-approvals/v1',
  '/beta/generic-approvals',
] as const;
/** The family that serves only the list and the get (v2024: `GET /generic-approvals`, `GET /generic-approvals/{id}`). */
export const GENERIC_APPROVALS_READ_ONLY_PREFIXES = ['/v2024/generic-approvals'] as const;
export type GenericApprovalsPrefix =
  (typeof GENERIC_APPROVALS_PREFIXES)[number] | (typeof GENERIC_APPROVALS_READ_ONLY_PREFIXES)[number];

export const APPROVAL_PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type ApprovalPriority = (typeof APPROVAL_PRIORITIES)[number];

/**
 * Where an approval stands. The v2025 spec's Approval has no `status` property (the v2024 model has one, and the
 * list's `filters` take `status`); the sandbox sends it, a tenant may not: a client that needs it can ask per
 * status with `filters=status eq "…"`. EXPIRED is a timeout that rejected; a timeout configured to approve ends
 * APPROVED with nobody in `approvedBy`.
 */
export const APPROVAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** The approval types the sandbox seeds (the spec names these; the type is an open string: show unknown ones). */
export const APPROVAL_TYPES = [
  'ACCESS_REQUEST_APPROVAL',
  'ACCOUNT_DELETE_APPROVAL_REQUEST',
  'ENTITLEMENT_DESCRIPTIONS',
  'MACHINE_ACCOUNT_CREATE_APPROVAL_REQUEST',
  'MACHINE_ACCOUNT_DELETE_APPROVAL_REQUEST',
  'AGENT_ACTIVATE_APPROVAL',
  'AGENT_DEACTIVATE_APPROVAL',
  'GENERIC_APPROVAL',
] as const;

/** `referenceType` of an approval that decides an access request; its `referenceId` is the access request's id. */
export const ACCESS_REQUEST_REFERENCE = 'accessRequestId';

/** A localized text: `locale` as ISC writes it (`en_US`). */
export interface LocalizedText {
  value?: string | null;
  locale?: string | null;
}
export type ApprovalName = LocalizedText;
export type ApprovalDescription = LocalizedText;

/** Who an approval names: an identity, or a group or role resolved to members. */
export interface ApprovalIdentity {
  type?: string | null;
  identityID?: string | null;
  name?: string | null;
  email?: string | null;
  /** 1 is the first step of a serial chain; 0 for parallel approvers. */
  serialOrder?: number | null;
  members?: { id?: string | null; name?: string | null; email?: string | null; type?: string | null }[] | null;
  ownerOf?: { id?: string | null; name?: string | null; type?: string | null }[] | null;
}

export interface ApprovalReference {
  id?: string | null;
  type?: string | null;
  name?: string | null;
  email?: string | null;
  serialOrder?: number | null;
}

/** An approver who decided, and when. */
export interface ApprovalIdentityRecord {
  identityID?: string | null;
  type?: 'IDENTITY' | null;
  name?: string | null;
  email?: string | null;
  decisionDate?: string | null;
  actionedAs?: ApprovalReference[] | null;
  members?: ApprovalReference[] | null;
}

export interface ApprovalComment {
  commentId?: string | null;
  author?: ApprovalIdentity | null;
  comment?: string | null;
  createdDate?: string | null;
}

export const APPROVAL_REASSIGNMENT_TYPES = ['ESCALATION', 'MANUAL_REASSIGNMENT', 'AUTO_REASSIGNMENT'] as const;
export type ApprovalReassignmentType = (typeof APPROVAL_REASSIGNMENT_TYPES)[number];

export interface ApprovalReassignmentHistory {
  /** The comment made with the reassignment, among the approval's comments. */
  commentID?: string | null;
  reassignedFrom?: ApprovalIdentity | null;
  reassignedTo?: ApprovalIdentity | null;
  /** Missing when the system reassigned it (escalation). */
  reassigner?: ApprovalIdentity | null;
  reassignmentDate?: string | null;
  reassignmentType?: ApprovalReassignmentType | null;
}

/** What the approval is for: a role, access profile, entitlement, account… */
export interface ApprovalRequestedTarget {
  id?: string | null;
  name?: string | null;
  targetType?: string | null;
  requestType?: string | null;
  reauthRequired?: boolean | null;
  removalDate?: string | null;
  forcedAuthSignature?: string | null;
}

export interface ApprovalBatch {
  batchId?: string | null;
  batchSize?: number | null;
}

export type CriteriaCalculation = 'COUNT' | 'PERCENT';
/** "1 of 3 must approve": PARALLEL, approval {COUNT, 1}; a chain of steps: SERIAL. */
export interface ApprovalCriteria {
  type?: 'SERIAL' | 'PARALLEL' | string | null;
  approval?: { calculationType?: CriteriaCalculation | null; value?: number | null } | null;
  rejection?: { calculationType?: CriteriaCalculation | null; value?: number | null } | null;
}

/** An entry of a serial or escalation chain, or the fallback approver. */
export interface ApprovalChainEntry {
  identityId?: string | null;
  identityType?: string | null;
}

export const TIMEOUT_RESULTS = ['EXPIRED', 'APPROVED'] as const;
export type TimeoutResult = (typeof TIMEOUT_RESULTS)[number];
export const REQUIRES_COMMENT = ['APPROVAL', 'REJECTION', 'ALL', 'OFF'] as const;
export type RequiresComment = (typeof REQUIRES_COMMENT)[number];
/** ISC's limits on a config: at most 90 days until timeout, at most 20 reminders. */
export const MAX_DAYS_UNTIL_TIMEOUT = 90;
export const MAX_REMINDERS = 20;

export interface ApprovalConfig {
  reminderConfig?: {
    enabled?: boolean | null;
    daysUntilFirstReminder?: number | null;
    reminderCronSchedule?: string | null;
    maxReminders?: number | null;
  } | null;
  escalationConfig?: {
    enabled?: boolean | null;
    daysUntilFirstEscalation?: number | null;
    escalationCronSchedule?: string | null;
    escalationChain?: ApprovalChainEntry[] | null;
  } | null;
  /** When the approval expires (dueDate) and what expiry does: EXPIRED rejects, APPROVED approves. */
  timeoutConfig?: {
    enabled?: boolean | null;
    daysUntilTimeout?: number | null;
    timeoutResult?: TimeoutResult | null;
  } | null;
  cronTimezone?: { location?: string | null; offset?: string | null } | null;
  serialChain?: ApprovalChainEntry[] | null;
  requiresComment?: RequiresComment | null;
  fallbackApprover?: { identityID?: string | null; type?: string | null } | null;
  machineIdentityManagerAssignment?: string | null;
  circumventApprovalProcess?: boolean | null;
  autoApprove?: 'OFF' | 'DIRECT' | 'INDIRECT' | null;
}

/** The scopes a config is kept under, with the id each takes (see the spec's `config/{id}/{scope}`). */
export const APPROVAL_CONFIG_SCOPES = [
  'DOMAIN_OBJECT',
  'ACCOUNT',
  'ROLE',
  'ACCESS_PROFILE',
  'ENTITLEMENT',
  'APPROVAL_TYPE',
  'TENANT',
] as const;
export type ApprovalConfigScope = (typeof APPROVAL_CONFIG_SCOPES)[number];

export interface Approval {
  id: string;
  tenantId?: string | null;
  type?: string | null;
  /** Not in the v2025 spec's Approval (see APPROVAL_STATUSES). */
  status?: ApprovalStatus | null;
  approvers?: ApprovalIdentity[] | null;
  createdDate?: string | null;
  /** When it expires, if its timeout is on. */
  dueDate?: string | null;
  /** "0" when not escalated. */
  escalationStep?: string | null;
  /** The step of a serial chain that is waiting; 0 for parallel approvals. */
  serialStep?: number | null;
  isEscalated?: boolean | null;
  name?: ApprovalName[] | null;
  batchRequest?: ApprovalBatch | null;
  approvalConfig?: ApprovalConfig | null;
  description?: ApprovalDescription[] | null;
  medium?: 'EMAIL' | 'SLACK' | 'TEAMS' | null;
  priority?: ApprovalPriority | null;
  requester?: ApprovalIdentity | null;
  requestee?: ApprovalIdentity | null;
  comments?: ApprovalComment[] | null;
  approvedBy?: ApprovalIdentityRecord[] | null;
  rejectedBy?: ApprovalIdentityRecord[] | null;
  /** Who it waits on now: for parallel approvals every approver left to decide. */
  assignedTo?: ApprovalIdentity[] | null;
  completedDate?: string | null;
  approvalCriteria?: ApprovalCriteria | null;
  /** A JSON object of strings, as text. */
  additionalAttributes?: string | null;
  referenceData?: ApprovalReference[] | null;
  reassignmentHistory?: ApprovalReassignmentHistory[] | null;
  staticAttributes?: Record<string, unknown> | null;
  modifiedDate?: string | null;
  requestedTarget?: ApprovalRequestedTarget[] | null;
}

// ---- requests ----

export interface ApprovalApproveRequest {
  comment?: string;
  additionalAttributes?: Record<string, string>;
  overrideApproverID?: string;
}
export interface ApprovalRejectRequest {
  comment?: string;
  overrideApproverID?: string;
}
export interface ApprovalReassignRequest {
  /** Required by the sandbox: who takes it over. */
  reassignTo?: string;
  /** Blank: the caller (or, for an admin who is not an approver, reassignTo is added as a new approver). */
  reassignFrom?: string;
  comment?: string;
}
export interface ApprovalCommentsRequest {
  comment?: string;
}
export interface ApprovalAttributesRequest {
  additionalAttributes?: Record<string, string>;
  removeAttributeKeys?: string[];
  comment?: string;
}
/** The bulk operations' body (ORG_ADMIN only; 202). */
export interface BulkApprovalsRequest {
  approvalIds: string[];
  comment?: string;
}
export interface BulkApproveRequest extends BulkApprovalsRequest {
  additionalAttributes?: Record<string, unknown>;
}
export interface BulkReassignRequest extends BulkApprovalsRequest {
  reassignFrom?: string;
  reassignTo?: string;
}
/** At most this many ids per bulk call (sandbox bound; ISC's own is not published). */
export const MAX_BULK_APPROVALS = 250;

/** Query of `GET …/generic-approvals`. Without mine/approverId/requesterId/requesteeId a non-admin gets mine=true. */
export interface GenericApprovalListQuery {
  mine?: boolean;
  approverId?: string;
  requesterId?: string;
  requesteeId?: string;
  count?: boolean;
  'count-only'?: boolean;
  'include-comments'?: boolean;
  'include-approvers'?: boolean;
  'include-reassignment-history'?: boolean;
  'include-batch-info'?: boolean;
  filters?: string;
  limit?: number;
  offset?: number;
}

const TEXT_OPS = ['eq', 'ne', 'in', 'co', 'sw'] as const;
const DATE_OPS = ['eq', 'ne', 'in', 'co', 'sw', 'gt', 'ge', 'lt', 'le'] as const;
/** The fields and operators `filters` takes, as the spec lists them. */
export const GENERIC_APPROVAL_FILTERS = {
  status: TEXT_OPS,
  name: TEXT_OPS,
  priority: TEXT_OPS,
  type: TEXT_OPS,
  medium: TEXT_OPS,
  description: TEXT_OPS,
  batchId: TEXT_OPS,
  createdDate: DATE_OPS,
  dueDate: DATE_OPS,
  completedDate: DATE_OPS,
  search: TEXT_OPS,
  referenceId: TEXT_OPS,
  referenceType: TEXT_OPS,
  referenceName: TEXT_OPS,
  requestedTargetId: TEXT_OPS,
  requestedTargetType: TEXT_OPS,
  requestedTargetName: TEXT_OPS,
  requestedTargetRequestType: TEXT_OPS,
  modifiedDate: DATE_OPS,
  decisionDate: DATE_OPS,
  approvalId: TEXT_OPS,
  requesterId: TEXT_OPS,
  requesteeId: TEXT_OPS,
  approverId: TEXT_OPS,
} as const;
export type GenericApprovalFilterField = keyof typeof GENERIC_APPROVAL_FILTERS;
