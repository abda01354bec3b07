// Test-side checks of the Approvals service's answers, written from the spec subset (approvals.v2025.json) by hand,
// independently of the server's code: every property the spec gives each schema, typed as it says, and nothing else
// (additionalProperties: false), so a field the spec does not know, a wrong type or a bad enum value fails the
// test. The spec marks no property required. Stricter than the spec in one way: the dates it leaves as plain
// strings (createdDate, dueDate, completedDate, a comment's createdDate) must be ISO-8601 date-times here.
// One property beyond the spec is allowed, `status` (the v2024 model's, documented in the contract).
import { Type, type TSchema } from 'typebox';
import { closed, oneOf, str, bool, int, dateTime } from '../../test/spec-shape-kit.ts';
import { Compile } from 'typebox/compile';

/** The spec's identity types (ApprovalIdentity.type, and the chains of ApprovalConfig). */
const IDENTITY_TYPES = [
  'IDENTITY',
  'GOVERNANCE_GROUP',
  'MANAGER_OF',
  'ACCOUNT_OWNER',
  'MACHINE_ACCOUNT_OWNER',
  'MACHINE_IDENTITY_OWNER',
  'MANAGER_OF_REQUESTED_TARGET_OWNER',
  'MANAGER_OF_MACHINE_IDENTITY_OWNER',
  'MANAGER_OF_ACCOUNT_OWNER',
  'MANAGER_OF_MACHINE_ACCOUNT_OWNER',
  'MANAGER_OF_REQUESTER',
  'MANAGER_OF_REQUESTER_OWNER',
  'MANAGER_OF_OWNER',
  'ACCESS_PROFILE_OWNER',
  'APPLICATION_OWNER',
  'ENTITLEMENT_OWNER',
  'ROLE_OWNER',
  'SOURCE_OWNER',
  'REQUESTED_TARGET_OWNER',
  'ACCESS_PROFILE_PRIMARY_OWNER',
  'APPLICATION_PRIMARY_OWNER',
  'ENTITLEMENT_PRIMARY_OWNER',
  'ROLE_PRIMARY_OWNER',
  'SOURCE_PRIMARY_OWNER',
  'ACCOUNT_PRIMARY_OWNER',
  'MACHINE_ACCOUNT_PRIMARY_OWNER',
  'MACHINE_IDENTITY_PRIMARY_OWNER',
  'REQUESTED_TARGET_PRIMARY_OWNER',
  'ACCESS_PROFILE_SECONDARY_OWNER_GROUP',
  'APPLICATION_SECONDARY_OWNER_GROUP',
  'ENTITLEMENT_SECONDARY_OWNER_GROUP',
  'ROLE_SECONDARY_OWNER_GROUP',
  'SOURCE_SECONDARY_OWNER_GROUP',
  'ACCOUNT_SECONDARY_OWNER_GROUP',
  'MACHINE_ACCOUNT_SECONDARY_OWNER_GROUP',
  'MACHINE_IDENTITY_SECONDARY_OWNER_GROUP',
  'REQUESTED_TARGET_SECONDARY_OWNER_GROUP',
  'ACCESS_PROFILE_ALL_OWNER_GROUP',
  'APPLICATION_ALL_OWNER_GROUP',
  'ENTITLEMENT_ALL_OWNER_GROUP',
  'ROLE_ALL_OWNER_GROUP',
  'SOURCE_ALL_OWNER_GROUP',
  'ACCOUNT_ALL_OWNER_GROUP',
  'MACHINE_ACCOUNT_ALL_OWNER_GROUP',
  'MACHINE_IDENTITY_ALL_OWNER_GROUP',
  'REQUESTED_TARGET_ALL_OWNER_GROUP',
];

const approvalIdentity = closed({
  email: str,
  identityID: str,
  members: Type.Array(closed({ email: str, id: str, name: str, type: str })),
  name: str,
  ownerOf: Type.Array(closed({ id: str, name: str, type: str })),
  serialOrder: int,
  type: oneOf(...IDENTITY_TYPES),
});
const localized = closed({ value: str, locale: str });
const reference = closed({ id: str, type: str, name: str, email: str, serialOrder: int });
const identityRecord = closed({
  identityID: str,
  type: oneOf('IDENTITY'),
  name: str,
  actionedAs: Type.Array(reference),
  members: Type.Array(reference),
  decisionDate: dateTime,
  email: str,
});
const comment = closed({ author: approvalIdentity, comment: str, createdDate: dateTime, commentId: str });
const reassignment = closed({
  commentID: str,
  reassignedFrom: approvalIdentity,
  reassignedTo: approvalIdentity,
  reassigner: approvalIdentity,
  reassignmentDate: dateTime,
  reassignmentType: oneOf('ESCALATION', 'MANUAL_REASSIGNMENT', 'AUTO_REASSIGNMENT'),
});
const requestedTarget = closed({
  forcedAuthSignature: str,
  id: str,
  name: str,
  reauthRequired: bool,
  removalDate: dateTime,
  requestType: str,
  targetType: str,
});
const chainEntry = closed({ identityId: str, identityType: oneOf(...IDENTITY_TYPES) });
const criterion = closed({ calculationType: oneOf('COUNT', 'PERCENT'), value: int });

export const approvalConfig = closed({
  reminderConfig: closed({ enabled: bool, daysUntilFirstReminder: int, reminderCronSchedule: str, maxReminders: int }),
  escalationConfig: closed({
    enabled: bool,
    daysUntilFirstEscalation: int,
    escalationCronSchedule: str,
    escalationChain: Type.Array(chainEntry),
  }),
  timeoutConfig: closed({ enabled: bool, daysUntilTimeout: int, timeoutResult: oneOf('EXPIRED', 'APPROVED') }),
  cronTimezone: closed({ location: str, offset: str }),
  serialChain: Type.Array(chainEntry),
  requiresComment: oneOf('APPROVAL', 'REJECTION', 'ALL', 'OFF'),
  fallbackApprover: closed({ identityID: str, type: oneOf(...IDENTITY_TYPES) }),
  machineIdentityManagerAssignment: oneOf(
    'MANAGER_OF_REQUESTER',
    'MACHINE_IDENTITY_OWNER',
    'MANAGER_OF_MACHINE_IDENTITY_OWNER',
    'REQUESTED_TARGET_OWNER',
    'MANAGER_OF_REQUESTED_TARGET_OWNER',
    'ACCOUNT_OWNER',
    'MANAGER_OF_ACCOUNT_OWNER',
  ),
  circumventApprovalProcess: bool,
  autoApprove: oneOf('OFF', 'DIRECT', 'INDIRECT'),
});

export const approval = closed({
  id: str,
  tenantId: str,
  type: str,
  /** Beyond the v2025 spec (see the contract): the v2024 model's status. */
  status: oneOf('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED'),
  approvers: Type.Array(approvalIdentity),
  createdDate: dateTime,
  dueDate: dateTime,
  escalationStep: str,
  serialStep: int,
  isEscalated: bool,
  name: Type.Array(localized),
  batchRequest: closed({ batchId: str, batchSize: int }),
  approvalConfig,
  description: Type.Array(localized),
  medium: oneOf('EMAIL', 'SLACK', 'TEAMS'),
  priority: oneOf('HIGH', 'MEDIUM', 'LOW'),
  requester: approvalIdentity,
  requestee: approvalIdentity,
  comments: Type.Array(comment),
  approvedBy: Type.Array(identityRecord),
  rejectedBy: Type.Array(identityRecord),
  assignedTo: Type.Array(approvalIdentity),
  completedDate: dateTime,
  approvalCriteria: closed({ type: str, approval: criterion, rejection: criterion }),
  additionalAttributes: str,
  referenceData: Type.Array(reference),
  reassignmentHistory: Type.Array(reassignment),
  staticAttributes: Type.Record(Type.String(), Type.Unknown()),
  modifiedDate: dateTime,
  requestedTarget: Type.Array(requestedTarget),
});

const errorMessage = closed({
  locale: Type.Union([str, Type.Null()]),
  localeOrigin: Type.Union([oneOf('DEFAULT', 'REQUEST'), Type.Null()]),
  text: str,
});
export const errorResponse = closed({
  detailCode: str,
  trackingId: str,
  messages: Type.Array(errorMessage),
  causes: Type.Array(errorMessage),
});

/** The bulk operations' 202 body: the spec says `type: object`; ISC sends an empty one. */
export const accepted = Type.Object({}, { additionalProperties: false });

/** Each schema compiled once: compiling per answer cost more than the requests it checks. */
const compiled = new WeakMap<TSchema, ReturnType<typeof Compile>>();

/** Every way `value` breaks `schema`, as "path: message" lines; empty when it conforms. */
export function violations(schema: TSchema, value: unknown): string[] {
  let validator = compiled.get(schema);
  if (!validator) compiled.set(schema, (validator = Compile(schema)));
  if (validator.Check(value)) return [];
  return [...validator.Errors(value)].map((e) => `${e.instancePath || '/'}: ${e.message}`);
}
