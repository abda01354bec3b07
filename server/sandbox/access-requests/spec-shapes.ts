// Test-side checks of the sandbox's answers, written from the spec subset (access-request-approvals.v3.json)
// independently of the server's own schemas: every property the spec gives, typed and nullable exactly as it
// says, and nothing else (additionalProperties: false), so a field the spec does not know, a null where the spec
// allows none, a bad enum value or a malformed date-time fails the test. The spec marks no property required.
import { Type, type TSchema } from 'typebox';
import { closed, nullable, oneOf, str, bool, dateTime } from '../../test/spec-shape-kit.ts';
import { Compile } from 'typebox/compile';

const stringMap = Type.Record(Type.String(), Type.String());

const identityRef = closed({ type: oneOf('IDENTITY'), id: str, name: str });
/** The spec's DtoType values an approval can carry (the enum lists more kinds of object). */
const dtoType = oneOf('ACCESS_PROFILE', 'ROLE', 'ENTITLEMENT', 'ACCOUNT', 'IDENTITY', 'SOURCE', 'APPLICATION');
const commentDto = closed({ comment: nullable(str), created: dateTime, author: identityRef });
const errorMessage = closed({ locale: nullable(str), localeOrigin: nullable(oneOf('DEFAULT', 'REQUEST')), text: str });
const sodPolicy = closed({ type: oneOf('SOD_POLICY'), id: str, name: str });
const sodCriteria = closed({ existing: bool, type: dtoType, id: str, name: str });
const criteriaSide = closed({ criteriaList: Type.Array(sodCriteria) });
const sodViolationContext = nullable(
  closed({
    state: nullable(oneOf('SUCCESS', 'ERROR')),
    uuid: nullable(str),
    violationCheckResult: closed({
      message: errorMessage,
      clientMetadata: nullable(stringMap),
      violationContexts: nullable(
        Type.Array(
          closed({
            policy: sodPolicy,
            conflictingAccessCriteria: closed({ leftCriteria: criteriaSide, rightCriteria: criteriaSide }),
          }),
        ),
      ),
      violatedPolicies: nullable(Type.Array(sodPolicy)),
    }),
  }),
);
const forwardHistory = closed({
  oldApproverName: str,
  newApproverName: str,
  comment: nullable(str),
  modified: dateTime,
  forwarderName: nullable(str),
  reassignmentType: oneOf('MANUAL_REASSIGNMENT', 'AUTOMATIC_REASSIGNMENT', 'AUTO_ESCALATION', 'SELF_REVIEW_DELEGATION'),
});
const requestedAccount = closed({
  name: str,
  type: dtoType,
  accountUuid: nullable(str),
  accountId: nullable(str),
  sourceName: str,
});
const requestedObject = closed({
  id: str,
  name: str,
  description: str,
  type: oneOf('ACCESS_PROFILE', 'ROLE', 'ENTITLEMENT'),
});
const duration = nullable(closed({ value: Type.Integer(), timeUnit: oneOf('HOURS', 'DAYS', 'WEEKS', 'MONTHS') }));
const requestType = nullable(oneOf('GRANT_ACCESS', 'REVOKE_ACCESS', 'MODIFY_ACCESS'));

const shared = {
  id: str,
  name: str,
  created: dateTime,
  modified: dateTime,
  requestCreated: dateTime,
  requestType,
  requester: identityRef,
  requestedFor: identityRef,
  owner: identityRef,
  requestedObject,
  requesterComment: commentDto,
  previousReviewersComments: Type.Array(commentDto),
  forwardHistory: Type.Array(forwardHistory),
  commentRequiredWhenRejected: bool,
  removeDateUpdateRequested: bool,
  startDate: dateTime,
  startUpdateRequested: bool,
  currentStartDate: dateTime,
  sodViolationContext,
  requestedAccounts: nullable(Type.Array(requestedAccount)),
  privilegeLevel: nullable(str),
  maxPermittedAccessDuration: duration,
};

export const pendingApproval = closed({
  ...shared,
  accessRequestId: str,
  actionInProcess: oneOf('APPROVED', 'REJECTED', 'FORWARDED'),
  removeDate: dateTime,
  currentRemoveDate: dateTime,
  clientMetadata: nullable(stringMap),
});

export const completedApproval = closed({
  ...shared,
  /** The one field the sandbox adds to the spec's CompletedApproval (documented in the contract). */
  accessRequestId: str,
  reviewedBy: identityRef,
  reviewerComment: nullable(commentDto),
  state: oneOf('APPROVED', 'REJECTED'),
  removeDate: nullable(dateTime),
  currentRemoveDate: nullable(dateTime),
  preApprovalTriggerResult: nullable(
    closed({ comment: str, decision: oneOf('APPROVED', 'REJECTED'), reviewer: str, date: dateTime }),
  ),
  clientMetadata: stringMap,
});

export const approvalSummary = closed({ pending: Type.Integer(), approved: Type.Integer(), rejected: Type.Integer() });

export const errorResponse = closed({
  detailCode: str,
  trackingId: str,
  messages: Type.Array(errorMessage),
  causes: Type.Array(errorMessage),
});

/** The 202's body: the spec says `type: object`; ISC sends an empty one. */
export const accepted = Type.Object({}, { additionalProperties: false });

/** Every way `value` breaks `schema`, as "path: message" lines; empty when it conforms. */
export function violations(schema: TSchema, value: unknown): string[] {
  return [...Compile(schema).Errors(value)].map((e) => `${e.instancePath || '/'}: ${e.message}`);
}
